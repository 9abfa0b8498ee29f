// Unit specs of every project (`*.spec.ts`); broker-backed tests live in jest.int.config.js.
module.exports = {
  projects: ['<rootDir>/libs/*/jest.config.js', '<rootDir>/services/*/jest.config.js', '<rootDir>/tools/jest.config.js', '<rootDir>/cli/jest.config.js', '<rootDir>/deploy/jest.config.js'],
};
