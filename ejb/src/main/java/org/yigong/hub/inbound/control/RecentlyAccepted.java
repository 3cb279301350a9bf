package org.yigong.hub.inbound.control;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deduplication keys of the most recently accepted messages, so that a batch holding a likely
 * resend is stored with the duplicate check and every other batch without it. Only a hint: a key
 * accepted before a restart or long ago is not here, and the unique key in the database still
 * catches that copy.
 */
final class RecentlyAccepted {

    private final Map<String, Boolean> keys;

    RecentlyAccepted(int capacity) {
        this.keys = new LinkedHashMap<>(capacity, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized boolean anyOf(List<Reception> receptions) {
        for (Reception reception : receptions) {
            if (reception.accepted() && keys.containsKey(reception.message().getDedupKey())) {
                return true;
            }
        }
        return false;
    }

    synchronized void remember(List<Reception> receptions, List<Stored> stored) {
        for (int i = 0; i < receptions.size(); i++) {
            if (receptions.get(i).accepted() && stored.get(i).ackCode() == AckCode.AA) {
                keys.put(receptions.get(i).message().getDedupKey(), Boolean.TRUE);
            }
        }
    }
}
