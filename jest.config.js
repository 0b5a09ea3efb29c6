import { availableParallelism } from 'node:os';

/** ESM all the way: NestJS 12, @nestjs/graphql 14 and MikroORM 7 ship as ES modules. */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/**
 * Files that run alone, after or before the others, never beside them. Each has
 * its own database and queue prefix like every file, so nothing is shared; they
 * are kept apart because they time what they measure (a SIGTERM'd worker must
 * exit within seconds, a restarted PostgreSQL must be noticed) and load the
 * machine themselves (worker processes routing 2,000 items), which would make
 * both them and their neighbours flaky on a small machine.
 */
const ALONE = ['<rootDir>/test/worker-faults.e2e-spec.ts', '<rootDir>/test/postgres-restart.e2e-spec.ts'];

const common = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^@suara/(.*)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // Shared by both projects: jest runs one global setup per distinct file, so one template per run.
  globalSetup: '<rootDir>/test/global-setup.js',
  globalTeardown: '<rootDir>/test/global-teardown.js',
  setupFiles: ['<rootDir>/test/setup-env.js'],
  slowTestThreshold: 30,
};

export default {
  testTimeout: 60_000,
  // Every file has a database cloned for it and a queue prefix of its own, so
  // files run side by side; jest's default (cores - 1) would be one on two cores.
  maxWorkers: Math.max(2, availableParallelism() - 1),
  projects: [
    {
      ...common,
      displayName: 'parallel',
      roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
      // unit specs beside the code, service specs (real database, no HTTP), end-to-end files
      testMatch: ['**/*.spec.ts', '**/*.service-spec.ts', '**/*.e2e-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', ...ALONE],
    },
    {
      ...common,
      displayName: 'alone',
      roots: ['<rootDir>/test'],
      testMatch: ALONE,
      runner: '<rootDir>/test/serial-runner.js',
    },
  ],
};
