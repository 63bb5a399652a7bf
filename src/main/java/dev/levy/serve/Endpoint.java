package dev.levy.serve;

/** What answers one path of the service. */
@FunctionalInterface
interface Endpoint {
    void handle(Exchange exchange) throws Exception;
}
