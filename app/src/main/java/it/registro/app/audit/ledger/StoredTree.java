package it.registro.app.audit.ledger;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The ledger's Merkle tree as stored: its leaves ({@code ledger_leaves}, by index) and, as tiles, the hash
 * of every complete subtree whose height is a multiple of {@value #TILE} ({@code ledger_nodes}, one write
 * per 256 leaves). A perfect subtree of any height is then hashed from at most 2^{@value #TILE} stored
 * hashes read by exact keys, so a root or a proof over a million leaves costs a few dozen lookups. A tile
 * not stored (a crash between a leaf and its tile) is computed from the level below. Complete subtrees
 * never change, so a bounded cache keeps the ones asked for.
 */
final class StoredTree implements MerkleTree.Subtrees {

    static final String NODES = "ledger_nodes";
    static final int TILE = 8;
    private static final int IN_CHUNK = 128;
    private static final HexFormat HEX = HexFormat.of();

    private final MongoTemplate mongo;
    private final Map<String, byte[]> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > 4096;
        }
    };

    StoredTree(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    static String nodeId(int height, long index) {
        return height + ":" + index;
    }

    /** Keeps a completed subtree whose height is a whole number of tiles; the leaves themselves are the ledger's entries. */
    void completed(MerkleTree.Completed c) {
        if (c.height() == 0 || c.height() % TILE != 0) {
            return;
        }
        try {
            mongo.getCollection(NODES).insertOne(new Document("_id", nodeId(c.height(), c.index())).append("hash", HEX.formatHex(c.hash())));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    public byte[] perfect(int height, long index) {
        String key = nodeId(height, index);
        synchronized (cache) {
            byte[] cached = cache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        byte[] hash = compute(height, index);
        synchronized (cache) {
            cache.put(key, hash);
        }
        return hash;
    }

    private byte[] compute(int height, long index) {
        if (height == 0) {
            byte[] leaf = leaves(index, 1).get(0);
            if (leaf == null) {
                throw new IllegalStateException("The ledger has no leaf " + index);
            }
            return leaf;
        }
        if (height % TILE == 0) {
            Document node = mongo.getCollection(NODES).find(new Document("_id", key(height, index))).first();
            if (node != null) {
                return HEX.parseHex(node.getString("hash"));
            }
        }
        int base = height % TILE == 0 ? height - TILE : height - height % TILE;
        long count = 1L << (height - base);
        long first = index << (height - base);
        List<byte[]> level = base == 0 ? leaves(first, (int) count) : nodes(base, first, (int) count);
        for (int i = 0; i < level.size(); i++) {
            if (level.get(i) == null) {
                level.set(i, perfect(base, first + i));
            }
        }
        while (level.size() > 1) {
            List<byte[]> up = new ArrayList<>(level.size() / 2);
            for (int i = 0; i < level.size(); i += 2) {
                up.add(MerkleTree.node(level.get(i), level.get(i + 1)));
            }
            level = up;
        }
        return level.get(0);
    }

    private static String key(int height, long index) {
        return nodeId(height, index);
    }

    /** The recorded leaf hashes {@code [first, first + count)}; null where an index has no entry. */
    List<byte[]> leaves(long first, int count) {
        List<Long> ids = new ArrayList<>(count);
        for (long i = first; i < first + count; i++) {
            ids.add(i);
        }
        Map<Object, Document> found = find(mongo.getCollection(Ledger.LEAVES), ids);
        List<byte[]> out = new ArrayList<>(count);
        for (Long id : ids) {
            Document d = found.get(id);
            out.add(d == null ? null : HEX.parseHex(d.getString("leaf")));
        }
        return out;
    }

    private List<byte[]> nodes(int height, long first, int count) {
        List<String> ids = new ArrayList<>(count);
        for (long i = first; i < first + count; i++) {
            ids.add(nodeId(height, i));
        }
        Map<Object, Document> found = find(mongo.getCollection(NODES), ids);
        List<byte[]> out = new ArrayList<>(count);
        for (String id : ids) {
            Document d = found.get(id);
            out.add(d == null ? null : HEX.parseHex(d.getString("hash")));
        }
        return out;
    }

    /** Documents by {@code _id}, one {@code $in} per {@value #IN_CHUNK} ids. */
    static Map<Object, Document> find(MongoCollection<Document> collection, List<?> ids) {
        Map<Object, Document> found = new java.util.HashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<?> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
            for (Document d : collection.find(new Document("_id", new Document("$in", chunk)))) {
                Object id = d.get("_id");
                found.put(id instanceof Number n && !(id instanceof Long) ? n.longValue() : id, d);
            }
        }
        return found;
    }
}
