package it.registro.app.audit.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import it.registro.app.store.StoreProperties;
import it.registro.app.web.ApiException;

/**
 * The Ed25519 keys that sign the ledger's checkpoints (ADR 0014).
 * <ul>
 * <li>Where the signing key comes from: {@code REGISTRO_LEDGER_KEY} with {@code REGISTRO_LEDGER_PUBLIC_KEY}
 * (configured, e.g. from a secret store); else a key file, {@code REGISTRO_LEDGER_KEY_FILE} or, on the
 * embedded file store, {@code ledger-signing.key} in the data directory, made at the first start and
 * kept with the data (permissions 600); on the in-memory store, whose data dies with the process, a key
 * for the run. With a real MongoDB and neither a key nor a key file the service refuses to start.</li>
 * <li>Every public key that has signed is kept in the ledger ({@code ledger_keys}), each named by its key
 * id (the first 16 hex digits of the SHA-256 of its X.509 encoding); each checkpoint names the key that
 * signed it, so checkpoints signed before a rotation still verify.</li>
 * <li>A rotation (ADMIN, with a key file) makes a new key, has the old key sign the new public key (the
 * endorsement, so that a verifier holding only the first key can follow every later one) and replaces
 * the key file. A configured key is rotated by configuring a new one: the ledger then records it at
 * start-up, without an endorsement.</li>
 * </ul>
 */
@Component
public class LedgerKeys {

    public static final String KEYS = "ledger_keys";
    static final String KEY_FILE_NAME = "ledger-signing.key";
    private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);
    private static final HexFormat HEX = HexFormat.of();

    /** A public key the ledger has signed with: since when, where it came from, and the previous key's endorsement. */
    public record Key(String keyId, String publicKey, Instant since, String source, String endorsedBy, String endorsement) {
    }

    /** A signature and the key that made it. */
    public record Signed(String keyId, String signature) {
    }

    private final MongoTemplate mongo;
    private final String origin;
    private final Path keyFile;
    private final String source;
    private PrivateKey privateKey;
    private PublicKey publicKey;
    private String keyId;

    public LedgerKeys(MongoTemplate mongo, StoreProperties store,
                      @Value("${registro.ledger.signing-key:}") String configured,
                      @Value("${registro.ledger.public-key:}") String configuredPublic,
                      @Value("${registro.ledger.key-file:}") String configuredFile,
                      @Value("${registro.ledger.origin:registro.local/ledger}") String origin) throws GeneralSecurityException {
        this.mongo = mongo;
        this.origin = origin;
        if (configured != null && !configured.isBlank()) {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            if (configuredPublic == null || configuredPublic.isBlank()) {
                // the JDK cannot derive an Ed25519 public key from the private one: both halves are configured
                throw new IllegalStateException("REGISTRO_LEDGER_KEY is set but REGISTRO_LEDGER_PUBLIC_KEY (base64 X.509) is not");
            }
            use(factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(configured.strip()))),
                    factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(configuredPublic.strip()))));
            if (!CheckpointText.verify(publicKeyBase64(), "registro", sign("registro").signature())) {
                throw new IllegalStateException("REGISTRO_LEDGER_PUBLIC_KEY is not the public half of REGISTRO_LEDGER_KEY");
            }
            keyFile = null;
            source = "configured";
        } else if (configuredFile != null && !configuredFile.isBlank() || store.embedded()
                && store.embeddedBackend() == StoreProperties.EmbeddedBackend.FILE) {
            keyFile = configuredFile != null && !configuredFile.isBlank() ? Path.of(configuredFile)
                    : store.dataDir().resolve(KEY_FILE_NAME);
            if (!Files.exists(keyFile)) {
                KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
                write(keyFile, pair);
                log.info("Ledger: made a checkpoint signing key, kept in {} (back it up with the data)", keyFile.toAbsolutePath());
            }
            read(keyFile);
            source = "key file";
        } else if (store.embedded()) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            use(pair.getPrivate(), pair.getPublic());
            keyFile = null;
            source = "this run (in-memory store)";
        } else {
            throw new IllegalStateException("The ledger has no signing key: with a real MongoDB set REGISTRO_LEDGER_KEY and "
                    + "REGISTRO_LEDGER_PUBLIC_KEY (base64 PKCS#8 / X.509 Ed25519), or REGISTRO_LEDGER_KEY_FILE (a file the "
                    + "service may create and rotate). See docs/audit.md, 'Keys'.");
        }
        record(null, null);
        log.info("Ledger checkpoints are signed with key {} ({})", keyId, source);
    }

    private void use(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyIdOf(publicKeyBase64());
    }

    /** The key id of a base64 X.509 Ed25519 public key. */
    public static String keyIdOf(String publicKeyBase64) {
        return HEX.formatHex(MerkleTree.sha256(Base64.getDecoder().decode(publicKeyBase64))).substring(0, 16);
    }

    /** Keeps the current public key among the ledger's keys, once. */
    private void record(String endorsedBy, String endorsement) {
        record(keyId, publicKeyBase64(), source, endorsedBy, endorsement);
    }

    private void record(String id, String publicKey, String from, String endorsedBy, String endorsement) {
        Document key = new Document("_id", id).append("publicKey", publicKey).append("since", Date.from(Instant.now()))
                .append("source", from).append("origin", origin);
        if (endorsedBy != null) {
            key.append("endorsedBy", endorsedBy).append("endorsement", endorsement);
        }
        try {
            mongo.getCollection(KEYS).insertOne(key);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public synchronized Signed sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return new Signed(keyId, Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a checkpoint", e);
        }
    }

    /** The current public key, X.509-encoded in base64, as verifiers take it. */
    public synchronized String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public synchronized String keyId() {
        return keyId;
    }

    /** Whether checkpoints signed now cannot be verified after the service stops (in-memory store only). */
    public boolean ephemeral() {
        return keyFile == null && !"configured".equals(source);
    }

    /** Every public key the ledger has signed with, oldest first. */
    public List<Key> keys() {
        List<Key> out = new ArrayList<>();
        mongo.getCollection(KEYS).find().sort(new Document("since", 1)).forEach(d -> out.add(keyOf(d)));
        return out;
    }

    public Optional<Key> key(String id) {
        return Optional.ofNullable(mongo.getCollection(KEYS).find(new Document("_id", id)).first()).map(LedgerKeys::keyOf);
    }

    private static Key keyOf(Document d) {
        return new Key(d.getString("_id"), d.getString("publicKey"), d.getDate("since").toInstant(), d.getString("source"),
                d.getString("endorsedBy"), d.getString("endorsement"));
    }

    /** The text an old key signs to endorse its successor. */
    public static String endorsementText(String origin, String newKeyId, String newPublicKey) {
        return "registro ledger key rotation\n" + origin + "\n" + newKeyId + "\n" + newPublicKey + "\n";
    }

    /**
     * A new signing key, endorsed by the current one, written to the key file in place of the old; the old
     * public key stays in the ledger's keys, so its checkpoints keep verifying.
     */
    public synchronized Key rotate(String principal) throws GeneralSecurityException {
        if (keyFile == null) {
            throw new ApiException(HttpStatus.CONFLICT, "LEDGER_KEY_NOT_ROTATABLE", null, "configured".equals(source)
                    ? "The signing key comes from configuration: configure a new REGISTRO_LEDGER_KEY and REGISTRO_LEDGER_PUBLIC_KEY "
                    + "and restart; the ledger keeps the old public key"
                    : "The in-memory store signs with a key for this run only; there is nothing to rotate");
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String newPublic = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        String newId = keyIdOf(newPublic);
        String previous = keyId;
        String endorsement = sign(endorsementText(origin, newId, newPublic)).signature();
        // recorded before the file is replaced: a crash in between leaves a key never used, not a key unrecorded
        record(newId, newPublic, source, previous, endorsement);
        write(keyFile, pair);
        use(pair.getPrivate(), pair.getPublic());
        log.info("Ledger signing key rotated by {}: {} → {}", principal, previous, newId);
        return key(newId).orElseThrow();
    }

    private void read(Path file) throws GeneralSecurityException {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ledger key file " + file.toAbsolutePath(), e);
        }
        KeyFactory factory = KeyFactory.getInstance("Ed25519");
        use(factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("private", "")))),
                factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(p.getProperty("public", "")))));
    }

    /** Writes the key pair to a new file readable by its owner only, then moves it over the old one. */
    private static void write(Path file, KeyPair pair) {
        String text = "# Registro: the ledger's checkpoint signing key (Ed25519). Secret: keep and back it up with the data.\n"
                + "public=" + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n"
                + "private=" + Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n";
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = dir.resolve(file.getFileName() + ".new");
            Files.deleteIfExists(temp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(owner));
            } else {
                Files.createFile(temp);
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the ledger key file " + file.toAbsolutePath(), e);
        }
    }
}
