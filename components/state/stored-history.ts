/** The panel's history model over the stored index, kept up to date as storage changes. */
import { embedStoredImages } from '../../lib/images/embed';
import type { PanelMessage } from '../../lib/protocol';
import { pauseLocalChanges } from '../../lib/storage/changes';
import { followIndex, readAllConversations } from '../../lib/storage/history-io';
import { storageUsage } from '../../lib/storage/items';
import { createHistoryModel, type HistoryModel } from './history';

/** The conversation list, read from the stored index and kept up to date as it changes. */
export function storedHistory(send: (msg: PanelMessage) => void, indexChanged: () => void): HistoryModel {
  const index = followIndex();
  return createHistoryModel({
    send,
    readIndex: index.read,
    watchIndex: (cb) =>
      index.watch((list) => {
        cb(list);
        indexChanged();
      }),
    readAll: () => readAllConversations().then(embedStoredImages),
    withImages: embedStoredImages,
    usage: storageUsage,
    pauseChanges: pauseLocalChanges,
  });
}
