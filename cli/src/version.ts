// The workspace's package.json is the single source of the product version (as for the services'
// mlops_service_info); read here directly, since @mlops/service-runtime would load NestJS at start-up.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { version } from '../../package.json';

export const PRODUCT_VERSION: string = version;
