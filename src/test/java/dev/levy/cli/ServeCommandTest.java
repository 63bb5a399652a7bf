package dev.levy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** levy serve binds this machine only unless told otherwise, and takes its limits from the command line. */
class ServeCommandTest {

    @Test
    void bindsLoopbackByDefault() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs();
        assertEquals("127.0.0.1", serve.host);
        assertEquals(8080, serve.port);
    }

    @Test
    void takesHostPortAndLimits() {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--host", "0.0.0.0", "--port", "9000", "--max-body", "2048",
                "--max-shipments", "10", "--max-concurrent", "3", "--queue-timeout", "50");
        assertEquals("0.0.0.0", serve.host);
        assertEquals(9000, serve.port);
        assertEquals(2048, serve.maxBody);
        assertEquals(10, serve.maxShipments);
        assertEquals(3, serve.maxConcurrent);
        assertEquals(50, serve.queueTimeoutMs);
    }

    @Test
    void refusesLimitsThatAreNotPositive() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cl = LevyCommand.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        assertEquals(LevyCommand.BAD_INPUT, cl.execute("serve", "--max-concurrent", "0"));
        assertEquals(true, err.toString().contains("must be positive"), err.toString());
    }
}
