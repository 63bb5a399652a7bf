package dev.levy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.levy.model.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Every error code a shipment can get is in the README's table, so that a user can look it up. */
class ErrorCodesDocumentedTest {
    @Test
    void everyCodeHasARowInTheReadme() throws IOException {
        String readme = Files.readString(TestSupport.projectDir().resolve("README.md"));
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(readme.contains("| `" + code + "` |"), code + " has no row in the README's error-code table");
        }
    }
}
