package io.careline.service.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;

class UncancellableTest {

    @Test
    void theWorkRunsToItsEndWhenItsCallerCancels() {
        CompletableFuture<String> store = new CompletableFuture<>();
        AtomicBoolean workCancelled = new AtomicBoolean();
        AtomicBoolean workDone = new AtomicBoolean();
        Uni<String> work = Uni.createFrom().completionStage(store)
                .onCancellation().invoke(() -> workCancelled.set(true))
                .invoke(() -> workDone.set(true));

        Cancellable caller = Uncancellable.run(() -> work).subscribe().with(item -> { });
        caller.cancel();
        store.complete("committed");

        assertThat(workCancelled).isFalse();
        assertThat(workDone).isTrue();
    }

    @Test
    void withoutItTheCancellationReachesTheWork() {
        CompletableFuture<String> store = new CompletableFuture<>();
        AtomicBoolean workCancelled = new AtomicBoolean();
        Uni<String> work = Uni.createFrom().completionStage(store).onCancellation().invoke(() -> workCancelled.set(true));

        work.subscribe().with(item -> { }).cancel();

        assertThat(workCancelled).isTrue();
    }

    @Test
    void aFailureReachesACallerStillWaiting() {
        Uni<String> failing = Uncancellable.run(() -> Uni.createFrom().failure(new IllegalStateException("rolled back")));

        assertThat(failing.onFailure().recoverWithItem(Throwable::getMessage).await().indefinitely()).isEqualTo("rolled back");
    }
}
