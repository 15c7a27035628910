package dev.guildhall.core.action;

import java.util.List;

/** A modal of up to five text inputs; its submit arrives as {@code ModalSubmitted} with this custom id. */
public record ModalSpec(String customId, String title, List<TextInput> inputs) {
    public ModalSpec {
        inputs = List.copyOf(inputs);
        if (inputs.isEmpty() || inputs.size() > 5) throw new IllegalArgumentException("a modal holds 1..5 inputs");
    }

    /** One text input; {@code value} pre-fills it. */
    public record TextInput(String id, String label, boolean paragraph, boolean required, String value,
                            int minLength, int maxLength) {
        public TextInput {
            value = value == null ? "" : value;
        }
    }
}
