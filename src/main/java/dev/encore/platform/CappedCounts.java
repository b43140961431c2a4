package dev.encore.platform;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts of what each key (a user) holds open, each up to a cap: a place is taken atomically or not
 * at all, and given back once the thing it counted ends.
 *
 * @param <K> what is counted per
 */
public final class CappedCounts<K> {

    private final int cap;
    private final ConcurrentHashMap<K, Integer> counts = new ConcurrentHashMap<>();

    public CappedCounts(int cap) {
        this.cap = cap;
    }

    public int cap() {
        return cap;
    }

    /** Takes one place of {@code key}'s; false (nothing taken) when it holds the cap already. */
    public boolean take(K key) {
        boolean[] taken = new boolean[1];
        counts.compute(key, (k, count) -> {
            int now = count == null ? 0 : count;
            if (now >= cap) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    /** Gives one of {@code key}'s places back; call it once per place taken. */
    public void giveBack(K key) {
        counts.computeIfPresent(key, (k, count) -> count <= 1 ? null : count - 1);
    }

    /** Places {@code key} holds now. */
    public int of(K key) {
        return counts.getOrDefault(key, 0);
    }
}
