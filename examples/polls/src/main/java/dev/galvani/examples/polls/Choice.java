package dev.galvani.examples.polls;

/** One answer to a {@link Question} and the votes it had when it was read. */
public record Choice(int id, String text, int votes) {}
