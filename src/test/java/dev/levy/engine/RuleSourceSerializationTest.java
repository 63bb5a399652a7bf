package dev.levy.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** A rule set travels to other JVMs (Spark executors) as its text: Java serialization keeps the text and the hash. */
class RuleSourceSerializationTest {

    @Test
    void theBundledRulesSurviveJavaSerializationWithTheirVersion() throws IOException, ClassNotFoundException {
        RuleSource source = RuleSource.bundled();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(source);
        }
        RuleSource back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (RuleSource) in.readObject();
        }
        assertEquals(source, back);
        assertEquals(source.digest(), back.digest());
        assertEquals(source.version(), back.version());
    }
}
