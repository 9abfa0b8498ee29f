// The workspace's package.json is the single source of the product version.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { version } from '../../../package.json';

/** The product version every service reports in mlops_service_info (one version for the monorepo). */
export const PRODUCT_VERSION: string = version;
