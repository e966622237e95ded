import { useEffect, useRef } from 'preact/hooks';

/**
 * Where keyboard focus goes when the control that had it is gone: the row acted on, else the live row now at its
 * place (`index`), else the list itself; "Undo" after a delete; the add button when the add form is cancelled.
 */
export type FocusTarget = { row: string; index: number } | 'undo' | 'add' | 'list';

const rowsIn = (root: HTMLElement | null) =>
  Array.from(root?.querySelectorAll<HTMLElement>('[data-keyscope-reminder]') ?? []);
const liveRowsIn = (root: HTMLElement | null) => rowsIn(root).filter((row) => !row.closest('.ks-history'));

/**
 * Keeps keyboard focus in the key list when an action removes the focused control (a row moved to history, a
 * question answered, the form closed, the undo bar gone): the caller names the target before the action, and once
 * the result is shown (`settled`), focus moves there — only if it was lost, never from where the user has moved it.
 */
export function useKeepFocus(settled: boolean) {
  // The list's section, focusable (tabindex -1) as the last resort.
  const section = useRef<HTMLElement>(null);
  const target = useRef<FocusTarget | undefined>(undefined);

  useEffect(() => {
    const wanted = target.current;
    const root = section.current;
    // The list (not the form) is shown with the action's result; after a delete, once "Undo" is there.
    const undo = root?.querySelector<HTMLElement>('.ks-undo button');
    if (!wanted || !settled || !root || (wanted === 'undo' && !undo)) return;
    target.current = undefined;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    const live = liveRowsIn(root);
    const candidates =
      wanted === 'undo'
        ? [undo]
        : wanted === 'add'
          ? [root.querySelector<HTMLElement>('.ks-bar button')]
          : wanted === 'list'
            ? []
            : [
                rowsIn(root).find((row) => row.getAttribute('data-reminder-id') === wanted.row),
                live[Math.min(wanted.index, live.length - 1)],
              ];
    for (const element of [...candidates, root]) {
      // A row moved into the closed history is not shown: it cannot take focus.
      if (!element || element.closest('details:not([open])')) continue;
      element.focus();
      if (document.activeElement === element) return;
    }
  });

  return {
    section,
    /** Where focus goes if the coming change removes the focused control. */
    after(next: FocusTarget) {
      target.current = next;
    },
    /** The row `id` and its place among the live rows, as a target. */
    row(id: string): FocusTarget {
      return {
        row: id,
        index: Math.max(
          0,
          liveRowsIn(section.current).findIndex((row) => row.getAttribute('data-reminder-id') === id),
        ),
      };
    },
  };
}
