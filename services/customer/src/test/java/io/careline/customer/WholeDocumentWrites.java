package io.careline.customer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bson.BsonDocument;
import org.bson.BsonValue;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

/**
 * Watches every command the service sends to MongoDB (Quarkus registers each CommandListener on the client) and keeps
 * those that replace a whole document: an update or findAndModify whose update has no operator. Such a write would
 * drop the events waiting in a customer's outbox.
 */
public class WholeDocumentWrites implements CommandListener {

    /** "collection: command", for every replacement seen in this run. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @Override
    public void commandStarted(CommandStartedEvent event) {
        BsonDocument command = event.getCommand();
        switch (event.getCommandName()) {
            case "update" -> {
                if (command.containsKey("updates")) {
                    command.getArray("updates").forEach(update -> {
                        if (replaces(update.asDocument().get("u"))) {
                            SEEN.add(command.getString("update").getValue() + ": " + update);
                        }
                    });
                }
            }
            case "findAndModify", "findandmodify" -> {
                if (replaces(command.get("update"))) {
                    SEEN.add(command.get(event.getCommandName()).asString().getValue() + ": " + command);
                }
            }
            default -> {
            }
        }
    }

    /** A document without $-operators replaces; operators or an aggregation pipeline (array) do not. */
    private static boolean replaces(BsonValue update) {
        return update != null && update.isDocument()
                && update.asDocument().keySet().stream().noneMatch(key -> key.startsWith("$"));
    }

    static List<String> onCollection(String collection) {
        return SEEN.stream().filter(seen -> seen.startsWith(collection + ": ")).toList();
    }
}
