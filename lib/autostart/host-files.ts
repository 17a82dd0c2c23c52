/** The sh helper's files as text, for the installer (bundled only into the lazily loaded setup view). */
import hostSh from '../../native-host/sh/host.sh?raw';
import jsonAwk from '../../native-host/sh/json.awk?raw';
import setupSh from '../../native-host/sh/setup.sh?raw';
import startSh from '../../native-host/sh/start.sh?raw';
import type { ShHelperFiles } from './installer';

export const SH_HELPER_FILES: ShHelperFiles = { hostSh, startSh, jsonAwk, setupSh };
