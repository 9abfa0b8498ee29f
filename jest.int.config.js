// Integration tests (`*.int-spec.ts`): they talk to a real Kafka broker, provided once per run
// by tools/jest/integration-global-setup.ts (KAFKA_BROKERS, else testcontainers, else the local script).
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  rootDir: __dirname,
  displayName: 'integration',
  testMatch: ['<rootDir>/libs/**/*.int-spec.ts', '<rootDir>/services/**/*.int-spec.ts', '<rootDir>/cli/**/*.int-spec.ts', '<rootDir>/tools/**/*.int-spec.ts', '<rootDir>/deploy/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/tools/jest/integration-global-setup.ts',
  globalTeardown: '<rootDir>/tools/jest/integration-global-teardown.ts',
  testTimeout: 120000,
};
