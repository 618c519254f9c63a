package io.careline.claimcare.repository;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A small set of codes (languages, skills) in one comma-separated column, sorted so equal sets store equally. */
@Converter
public class CsvSetConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> values) {
        return values == null ? "" : new TreeSet<>(values).stream().collect(Collectors.joining(","));
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? new TreeSet<>()
                : Arrays.stream(column.split(",")).collect(Collectors.toCollection(TreeSet::new));
    }
}
