/**
 * What only an import or an export needs, loaded as its own chunk when the user asks for one:
 * validating and formatting conversations is not worth its bytes on every panel open.
 */
export { exportFileName, toJsonExport, toMarkdown } from '../../lib/conversations/export';
export { parseConversations, parseConversationsJson } from '../../lib/conversations/validate';
