package dev.levy.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.IOException;

/**
 * A view of a streaming parser that stops reading one value after {@code limit} characters, so that one huge element
 * of a JSON array cannot fill the memory: Jackson's read constraints bound a string, a number and the nesting, but
 * not the number of fields.
 */
final class BoundedParser extends JsonParserDelegate {
    /** The value went past the limit; the underlying parser is somewhere inside it. */
    static final class TooLong extends IOException {
        TooLong() {
            super("value too long", null);
        }
    }

    private final long start;
    private final long limit;

    BoundedParser(JsonParser parser, long start, long limit) {
        super(parser);
        this.start = start;
        this.limit = limit;
    }

    @Override
    public JsonToken nextToken() throws IOException {
        return checked(delegate.nextToken());
    }

    @Override
    public JsonToken nextValue() throws IOException {
        return checked(delegate.nextValue());
    }

    @Override
    public String nextFieldName() throws IOException {
        return checked(delegate.nextFieldName());
    }

    @Override
    public boolean nextFieldName(SerializableString str) throws IOException {
        return checked(delegate.nextFieldName(str));
    }

    @Override
    public String nextTextValue() throws IOException {
        return checked(delegate.nextTextValue());
    }

    private <T> T checked(T t) throws TooLong {
        if (delegate.currentLocation().getCharOffset() - start > limit) {
            throw new TooLong();
        }
        return t;
    }
}
