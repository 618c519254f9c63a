package io.careline.service.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

class StrictJsonTest {

    record Note(String body, Boolean active, List<String> tags) {
    }

    private final ObjectMapper json = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void textWithTabsAndLineBreaksIsRead() throws Exception {
        Note note = json.readValue("{\"body\":\"line one\\n\\tline two\\r\\n\",\"active\":true,\"tags\":[\"a\"]}", Note.class);
        assertThat(note.body()).isEqualTo("line one\n\tline two\r\n");
        assertThat(note.active()).isTrue();
    }

    @Test
    void aControlCharacterIsRefusedNamingTheField() {
        assertThatThrownBy(() -> json.readValue("{\"body\":\"nul \\u0000 here\"}", Note.class))
                .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                    assertThat(e.getTargetType()).isEqualTo(String.class);
                    assertThat(e.getPath()).extracting(ref -> ref.getFieldName()).containsExactly("body");
                });
        assertThatThrownBy(() -> json.readValue("{\"tags\":[\"ok\",\"bell \\u0007\"]}", Note.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void aNumberIsNotTextAndNotABoolean() {
        assertThatThrownBy(() -> json.readValue("{\"body\":1e999}", Note.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"body\":42}", Note.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"body\":true}", Note.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> json.readValue("{\"active\":1234567890123456789012345678901234567890}", Note.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aPlainMapperWouldHaveTakenThemAll() throws Exception {
        // the reason for StrictJson: Jackson's defaults
        ObjectMapper lenient = new ObjectMapper();
        assertThat(lenient.readValue("{\"body\":42,\"active\":1}", Note.class)).isEqualTo(new Note("42", true, null));
        assertThat(lenient.readValue("{\"body\":\"\\u0000\"}", Map.class)).containsEntry("body", "\u0000");
    }
}
