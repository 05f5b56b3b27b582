package io.wrench.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds and reads the deployment files; tests run with the api module as working directory. */
final class OpsFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    private static final int MAX_LEVELS_UP = 4;
    private static final Pattern DOCKERFILE_ENV = Pattern.compile("^ENV\\s+([A-Za-z_][A-Za-z0-9_]*)=", Pattern.MULTILINE);

    private OpsFiles() {
    }

    /** The nearest directory, from the working directory upwards, that holds docker-compose.yml. */
    static Path repoRoot() {
        return walkUp(Path.of("docker-compose.yml"))
                .map(Path::getParent)
                .orElseThrow(() -> new IllegalStateException(
                        "docker-compose.yml not found in " + workingDirectory() + " or its parents"));
    }

    /**
     * The Compose Specification schema lives in shared/schemas beside the project (never copied
     * into it); empty when this checkout has no shared/ next to it.
     */
    static Optional<Path> composeSchema() {
        return walkUp(Path.of("shared", "schemas", "compose-spec.json"));
    }

    static JsonNode compose() {
        return readTree(YAML, repoRoot().resolve("docker-compose.yml"));
    }

    static JsonNode keycloakRealm() {
        return readTree(JSON, repoRoot().resolve("docker/keycloak/wrench-realm.json"));
    }

    /** The {@code ENV NAME=value} names the Dockerfile bakes into the image. */
    static Map<String, String> dockerfileEnvironmentNames() {
        Map<String, String> names = new LinkedHashMap<>();
        Matcher matcher = DOCKERFILE_ENV.matcher(read(repoRoot().resolve("Dockerfile")));
        while (matcher.find()) {
            names.put(matcher.group(1), "Dockerfile");
        }
        return names;
    }

    static JsonNode readTree(ObjectMapper mapper, Path file) {
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> walkUp(Path relative) {
        Path dir = workingDirectory();
        for (int level = 0; level <= MAX_LEVELS_UP && dir != null; level++, dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }
}
