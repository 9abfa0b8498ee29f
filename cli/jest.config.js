const preset = require('../jest.preset');

module.exports = {
  ...preset,
  displayName: 'cli',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/bin/**/*.spec.ts'],
};
