/**
 * Levy: the facade ({@link dev.levy.Levy}) and the shipment and result model. Everything else is the implementation.
 * Drools generates classes over the facts and the model at run time, so both are open to it.
 */
module dev.levy {
    exports dev.levy;
    exports dev.levy.model;

    opens dev.levy.fact;
    opens dev.levy.model;
    // picocli builds the commands, Jackson writes the reports and views, by reflection
    opens dev.levy.cli to info.picocli, com.fasterxml.jackson.databind;
    opens dev.levy.io to com.fasterxml.jackson.databind;
    opens dev.levy.bench to com.fasterxml.jackson.databind;
    opens dev.levy.refund to com.fasterxml.jackson.databind;
    opens dev.levy.serve to com.fasterxml.jackson.databind;

    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires info.picocli;
    requires jdk.httpserver;
    requires java.net.http;
    requires java.logging;
    requires java.management; // the start-up timings read when the JVM started
    requires org.kie.api;
    requires org.drools.base;
    requires org.drools.kiesession;
    requires org.drools.compiler;
    requires org.drools.core;
    // Drools logs through slf4j; as automatic modules its jars cannot require it, so Levy does
    requires org.slf4j;
}
