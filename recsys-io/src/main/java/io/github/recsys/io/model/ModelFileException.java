package io.github.recsys.io.model;

import java.io.IOException;

/** A model file that cannot be read: the message names the file and what is wrong with it. */
public final class ModelFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** An exception with the given message (which names the file). */
    public ModelFileException(String message) {
        super(message);
    }
}
