package dev.levy.model;

/** What evaluating one input gives: a {@link Result} or a {@link Rejection}. */
public sealed interface Evaluation permits Result, Rejection {

    /** The caller's id of the input, or null. */
    String id();
}
