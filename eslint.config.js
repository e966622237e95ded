// ESLint 9 flat config. Formatting is prettier's (eslint-config-prettier, last, turns off every stylistic rule);
// this file is about code that is wrong or that breaks one of the product's hard rules (docs/design.md).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The hard rules "page text is data" and "no code from strings", for the extension's own code. On src/ these are
// also checked as text by test/build/source-rules.test.ts (which also bans network calls and looks at every
// file whatever ESLint is told to skip); the rules here name the line in the editor, the test stays the backstop.
const hardRules = {
  'no-eval': 'error',
  'no-implied-eval': 'off', // the type-aware @typescript-eslint/no-implied-eval below replaces it
  '@typescript-eslint/no-implied-eval': 'error',
  'no-new-func': 'error',
  'no-restricted-properties': [
    'error',
    { property: 'innerHTML', message: 'Page text is data: build nodes, set textContent (docs/design.md).' },
    { property: 'outerHTML', message: 'Page text is data: build nodes, set textContent (docs/design.md).' },
    { property: 'insertAdjacentHTML', message: 'Page text is data: build nodes (docs/design.md).' },
    { object: 'document', property: 'write', message: 'Page text is data: build nodes (docs/design.md).' },
    { object: 'document', property: 'writeln', message: 'Page text is data: build nodes (docs/design.md).' },
  ],
  'no-restricted-syntax': [
    'error',
    {
      selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
      message: 'Page text is data: render it as text (docs/design.md).',
    },
    { selector: "NewExpression[callee.name='Function']", message: 'No code from strings (docs/design.md).' },
  ],
};

export default tseslint.config(
  {
    ignores: ['dist/', 'artifacts/', 'bench-output/', 'demo-output/', 'node_modules/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `_name` marks a value left out on purpose (`const { secret: _secret, ...rest } = x`); tsc's noUnusedLocals
      // checks the rest.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      // preact ignores what an event handler returns, so an async onSubmit/onClick is fine; a promise handed to
      // any other void callback (browser event listeners included) is still reported.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    // Plain JavaScript (the node scripts, this file) is outside tsconfig.json: syntax rules only, no type-aware ones.
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    // The scripts drive browsers through puppeteer: the functions they pass to page.evaluate run in the page
    // (document, requestAnimationFrame) or in the extension's worker (chrome).
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // preact/hooks follow React's rules of hooks; only the two classic rules, not the React Compiler ones.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      ...hardRules,
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    rules: {
      // The fakes implement the browser's promise-returning APIs and often have nothing to await.
      '@typescript-eslint/require-await': 'off',
      // `expect(fake.method).toHaveBeenCalled…()` hands over a vi.fn() mock, which has no `this` to lose.
      '@typescript-eslint/unbound-method': 'off',
      // Tests read JSON (manifests, expected.json, messages) as `any` and check its shape with expect().
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // `screen.getByRole(…) as HTMLInputElement` says which element the test expects, where the rule wants a type
      // argument that asserts the same thing less visibly.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  prettier,
);
