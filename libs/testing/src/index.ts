export * from './test-brokers';
export * from './unique-name';
export * from './wait-for';
