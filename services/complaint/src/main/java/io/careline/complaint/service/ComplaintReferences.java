package io.careline.complaint.service;

import java.security.SecureRandom;

import jakarta.enterprise.context.ApplicationScoped;

/** Short references a customer can read out on the phone: CMP- and 8 characters without look-alikes (0/O, 1/I/L). */
@ApplicationScoped
public class ComplaintReferences {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private final SecureRandom random = new SecureRandom();

    public String next() {
        StringBuilder reference = new StringBuilder("CMP-");
        for (int i = 0; i < 8; i++) {
            reference.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return reference.toString();
    }
}
