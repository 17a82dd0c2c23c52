/** The helpers' files as text, for the installer (bundled only into the lazily loaded setup view). */
import hostSh from '../../native-host/sh/host.sh?raw';
import jsonAwk from '../../native-host/sh/json.awk?raw';
import setupSh from '../../native-host/sh/setup.sh?raw';
import startSh from '../../native-host/sh/start.sh?raw';
import hostPs1 from '../../native-host/ps/host.ps1?raw';
import runnerPs1 from '../../native-host/ps/runner.ps1?raw';
import setupPs1 from '../../native-host/ps/setup.ps1?raw';
import startPs1 from '../../native-host/ps/start.ps1?raw';
import type { PsHelperFiles, ShHelperFiles } from './installer';

export const SH_HELPER_FILES: ShHelperFiles = { hostSh, startSh, jsonAwk, setupSh };

export const PS_HELPER_FILES: PsHelperFiles = { hostPs1, startPs1, runnerPs1, setupPs1 };
