export * from './test-brokers';
export * from './unique-name';
export * from './wait-for';
export * from './service-process';
export * from './free-port';
export * from './register-test-model';
