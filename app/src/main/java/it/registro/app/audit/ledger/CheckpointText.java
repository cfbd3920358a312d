package it.registro.app.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The signed text of a checkpoint and its verification; JDK only, so the offline verifier needs nothing else. */
public final class CheckpointText {

    private CheckpointText() {
    }

    /** Origin, tree size and base64 root, one per line (the C2SP checkpoint body). */
    public static String of(String origin, long size, String rootBase64) {
        return origin + "\n" + size + "\n" + rootBase64 + "\n";
    }

    public static boolean verify(String publicKeyBase64, String text, String signatureBase64) {
        try {
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeyBase64)));
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(text.getBytes(StandardCharsets.UTF_8));
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
