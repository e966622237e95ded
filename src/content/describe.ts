import { installDescriber } from './guard-handle';
import { describePage } from './read/describe-page';

// Injected by the background into a guarded page's isolated world the first time the user asks "This page is not read
// right?" (in the panel, or in the popup): the describer is a third of the guard's reading code and almost nobody
// uses it, so the guard asks for it (src/content/guard/describe-requests.ts) instead of carrying it on every key page.
// Injected twice (two quick requests), the second install replaces the first with the same function.
installDescriber(describePage);
