const preset = require('../../jest.preset');

module.exports = {
  ...preset,
  displayName: 'report-html',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/scripts/**/*.spec.ts'],
};
