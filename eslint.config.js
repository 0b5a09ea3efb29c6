import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'scripts/**', '*.config.js', '*.config.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  { files: ['apps/cli/**', 'bench/**', 'test/**'], rules: { 'no-console': 'off' } },
  { files: ['**/*.js'], languageOptions: { globals: globals.node } },
  { files: ['apps/api/public/**/*.js'], languageOptions: { globals: globals.browser } },
);
