// Fault suite (`npm run test:chaos`): real broker, real MLflow, real service processes, killed and restarted.
// Each spec starts what it breaks (its own broker or MLflow server); nothing is shared with the other suites.
const preset = require('../jest.preset');

module.exports = {
  ...preset,
  rootDir: __dirname,
  displayName: 'chaos',
  testMatch: ['<rootDir>/**/*.chaos-spec.ts'],
  // A broker and MLflow server for the specs that do not break them (same setup as the integration suite).
  globalSetup: '<rootDir>/../tools/jest/integration-global-setup.ts',
  globalTeardown: '<rootDir>/../tools/jest/integration-global-teardown.ts',
  testTimeout: 300000,
};
