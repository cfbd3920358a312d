package it.registro.app.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs checkpoints with Ed25519. The key comes from configuration ({@code REGISTRO_LEDGER_KEY}: a
 * base64 PKCS#8 private key, with {@code REGISTRO_LEDGER_PUBLIC_KEY}, its X.509 public half; never in
 * the repository); without one, a key is made for this run only
 * and the log says so, since checkpoints it signs cannot be checked after a restart.
 */
@Component
public class CheckpointSigner {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSigner.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final boolean ephemeral;

    public CheckpointSigner(@Value("${registro.ledger.signing-key:}") String configured,
                            @Value("${registro.ledger.public-key:}") String configuredPublic) throws GeneralSecurityException {
        if (configured == null || configured.isBlank()) {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            privateKey = pair.getPrivate();
            publicKey = pair.getPublic();
            ephemeral = true;
            log.warn("Ledger checkpoints are signed with a key made for this run only: set REGISTRO_LEDGER_KEY (base64 PKCS#8 Ed25519) "
                    + "so that they can be verified after a restart");
        } else {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(configured.strip())));
            if (configuredPublic == null || configuredPublic.isBlank()) {
                // the JDK cannot derive an Ed25519 public key from the private one: both halves are configured
                throw new IllegalStateException("REGISTRO_LEDGER_KEY is set but REGISTRO_LEDGER_PUBLIC_KEY (base64 X.509) is not");
            }
            publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(configuredPublic.strip())));
            ephemeral = false;
            if (!CheckpointText.verify(publicKey(), "registro", sign("registro"))) {
                throw new IllegalStateException("REGISTRO_LEDGER_PUBLIC_KEY is not the public half of REGISTRO_LEDGER_KEY");
            }
        }
    }

    public String sign(String text) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(privateKey);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a checkpoint", e);
        }
    }

    /** The public key, X.509-encoded in base64, as verifiers take it. */
    public String publicKey() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public boolean ephemeral() {
        return ephemeral;
    }
}
