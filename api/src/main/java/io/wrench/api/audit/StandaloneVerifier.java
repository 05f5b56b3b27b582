package io.wrench.api.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.nimbusds.jose.jwk.ECKey;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * {@code java -jar wrench.jar verify --export events.ndjson[.gz] --digest digest.json [--key digest-key.json]}:
 * checks an unfiltered export against a digest saved earlier, with nothing but the two files (and the
 * public key, to check the digest's signature). Prints one JSON object; exit 0 when everything holds,
 * 1 with {@code firstBroken} when not, 2 for unusable arguments.
 */
public final class StandaloneVerifier {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private StandaloneVerifier() {
    }

    public static int run(String[] args, PrintStream out) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (!options.containsKey("--export") || !options.containsKey("--digest") || args.length % 2 != 0) {
            out.println("usage: verify --export events.ndjson[.gz] --digest digest.json [--key digest-key.json]");
            return 2;
        }
        try {
            Map<String, Object> digest = EventHash.JSON.readValue(Files.readAllBytes(Path.of(options.get("--digest"))), MAP);
            long treeSize = ((Number) digest.get("treeSize")).longValue();
            Verification verification = new Verification();
            verification.wantRoot(treeSize);
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(open(Path.of(options.get("--export"))),
                    StandardCharsets.UTF_8), 1 << 16)) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (!line.isBlank()) {
                        verification.accept(EventLines.read(line));
                    }
                }
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("checked", verification.checked());
            result.put("coveredFrom", verification.coveredFrom());
            result.put("treeSize", treeSize);
            if (verification.leaves() < treeSize) {
                verification.report(new Broken(null, null, null, null, Verification.MISSING, "the export gives "
                        + verification.leaves() + " consecutive leaves; the digest covers " + treeSize));
            } else if (!verification.rootMatches(treeSize, EventHash.unhex((String) digest.get("rootHash")))) {
                verification.report(new Broken(null, null, null, null, Verification.ROOT_MISMATCH,
                        "history differs from the saved digest of tree size " + treeSize));
            }
            if (options.containsKey("--key")) {
                ECKey key = ECKey.parse(Files.readString(Path.of(options.get("--key"))));
                boolean signed = DigestSigner.verify(digest, key.toECPublicKey());
                result.put("signatureValid", signed);
                if (!signed) {
                    verification.report(new Broken(null, null, null, null, "bad-signature",
                            "the digest is not signed by this key"));
                }
            }
            result.put("firstBroken", verification.firstBroken());
            result.put("ok", verification.firstBroken() == null);
            out.println(EventHash.JSON.writeValueAsString(result));
            return verification.firstBroken() == null ? 0 : 1;
        } catch (IOException | java.text.ParseException | com.nimbusds.jose.JOSEException | RuntimeException e) {
            out.println("cannot verify: " + e.getMessage());
            return 2;
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }
}
