/**
 * What only an import or an export needs, loaded as its own chunk when the user asks for one:
 * validating, reading files and formatting conversations is not worth its bytes on every panel open.
 */
export { exportFileName, toJsonExport, toMarkdown } from '../../lib/conversations/export';
export { parseConversations } from '../../lib/conversations/validate';
export { startImport } from './import-run';
