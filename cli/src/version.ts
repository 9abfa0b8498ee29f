import { PRODUCT_VERSION } from '@mlops/service-runtime';

export { PRODUCT_VERSION };
