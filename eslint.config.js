// One linter for the whole repo, type-aware for TypeScript. Run by `npm test`
// (turbo's root `lint` task) together with prettier's check.
import js from '@eslint/js';
import noOnlyTests from 'eslint-plugin-no-only-tests';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    // App.js is React Native JSX in a .js file, as React Native apps write it.
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/.turbo/**',
      'tests/.tmp/**',
      '**/*.d.ts',
      'examples/react-native/App.js',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-unused-vars': ['error', { varsIgnorePattern: '^_', argsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: {
        // Explicit projects: the SDK's tests live in tsconfig.test.json (Node types),
        // out of its browser tsconfig.json.
        project: [
          'packages/schema/tsconfig.json',
          'packages/store/tsconfig.json',
          'packages/store-clickhouse/tsconfig.json',
          'packages/api/tsconfig.json',
          'packages/sdk/tsconfig.test.json',
          'packages/consent-banner/tsconfig.test.json',
          'apps/server/tsconfig.json',
          'apps/dashboard/tsconfig.json',
          'tests/tsconfig.json',
        ],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Store methods are async to honour the Store interface (a networked engine will await).
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-unused-expressions': ['error', { allowShortCircuit: true, allowTernary: true }],
      // Numbers and booleans in template strings read fine.
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
    },
  },
  {
    // The SDK's size comes first (every byte ships to every page): storage writes and
    // timers are fire-and-forget by design (the KeyValueStorage contract; delivery
    // never rejects), JSON read back from storage is checked where it is used, and the
    // browser adapter patches history methods. The rest of the type-aware rules apply.
    files: ['packages/sdk/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-floating-promises': 'off',
      '@typescript-eslint/no-misused-promises': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Build configs outside every tsconfig: lint them without type information.
    files: ['apps/dashboard/*.ts'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // Tests read JSON bodies off the wire: `any` there is the honest type.
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.ts', '**/testing/**/*.ts', '**/*.conformance.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    plugins: { 'no-only-tests': noOnlyTests },
    rules: { 'no-only-tests/no-only-tests': 'error' },
  },
);
