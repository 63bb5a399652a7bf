package dev.levy.io;

/**
 * One input of a batch as read from the file: its line number and raw text. It is parsed into a shipment node
 * later, on a worker thread, so that reading stays cheap and parsing runs on every core.
 */
public interface Input {
    /** 1-based line number in the file (the element's position in a JSON array), for error reports. */
    long line();

    /** The raw text of the input, or null when it was parsed from a larger document (a JSON array). */
    String text();

    /** The shipment node, or the rejection saying why there is none. */
    Parsed parse();
}
