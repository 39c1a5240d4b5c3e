package dev.paperlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperlist.hooks.GitHook;
import dev.paperlist.testing.CliRun;
import dev.paperlist.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code paperlist hook install|uninstall} in real git repositories, with real {@code git commit}s: the hook
 * runs paperlist from the test classpath in its own JVM, as it would run an installed paperlist.
 */
class HookCommandTest {
    private static final String CATALOG = """
            sections:
              - title: Multimodal
                papers:
                  - name: AnyGPT
                    title: "AnyGPT: Unified Multimodal LLM"
                    url: https://arxiv.org/abs/2402.12226
            """;
    // Commits must not depend on the machine's git configuration (a global core.hooksPath, signing, a name).
    private static final Map<String, String> GIT_ENV = Map.of("GIT_CONFIG_GLOBAL", "/dev/null", "GIT_CONFIG_NOSYSTEM", "1",
            "GIT_AUTHOR_NAME", "Test", "GIT_AUTHOR_EMAIL", "test@example.org",
            "GIT_COMMITTER_NAME", "Test", "GIT_COMMITTER_EMAIL", "test@example.org");

    @TempDir Path repo;

    @BeforeAll
    static void gitIsInstalled() {
        Processes.Result version = Processes.run(Path.of("."), GIT_ENV, List.of("git", "--version"));
        assertThat(version.exitCode()).as("git is required to build paperlist: %s", version).isZero();
    }

    @BeforeEach
    void repositoryWithARenderedList() throws IOException {
        git("init", "-q", "-b", "main");
        write("papers.yaml", CATALOG);
        assertThat(CliRun.in(repo, "render").exitCode()).isZero();
    }

    @Test
    void aStaleReadmeBlocksTheCommitWithTheMessageAndAFreshOneLetsItThrough() throws IOException {
        CliRun install = install();
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.out()).startsWith(".git/hooks/pre-commit: installed\n");
        assertThat(Files.isExecutable(repo.resolve(".git/hooks/pre-commit"))).isTrue();

        Processes.Result first = commit("papers.yaml", "README.md");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        write("papers.yaml", CATALOG.replace("AnyGPT: Unified", "AnyGPT: A Unified"));
        Processes.Result stale = commit("papers.yaml");
        assertThat(stale.exitCode()).as(stale.toString()).isNotZero();
        assertThat(stale.err()).contains("README.md is out of date with papers.yaml; run: paperlist render")
                .contains("paperlist: commit stopped (check exited 1)");
        // git sends a hook's standard output to standard error.
        assertThat(stale.err()).contains("+- **Paper:** [AnyGPT: A Unified Multimodal LLM]");
        assertThat(commitCount()).isEqualTo(1);

        assertThat(CliRun.in(repo, "render").exitCode()).isZero();
        Processes.Result fresh = commit("papers.yaml", "README.md");
        assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
        assertThat(commitCount()).isEqualTo(2);
    }

    @Test
    void theHookGoesWhereCoreHooksPathSays() throws IOException {
        git("config", "core.hooksPath", "tools/githooks");
        CliRun install = install();
        assertThat(install.out()).startsWith("tools/githooks/pre-commit: installed\n");
        assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();

        commit("papers.yaml", "README.md");
        write("papers.yaml", CATALOG.replace("AnyGPT: Unified", "AnyGPT: A Unified"));
        Processes.Result stale = commit("papers.yaml");
        assertThat(stale.exitCode()).as(stale.toString()).isNotZero();
        assertThat(stale.err()).contains("README.md is out of date");
    }

    @Test
    void aForeignHookIsKeptUnlessForced() throws IOException {
        Path hook = foreignHook("exit 0");
        String before = Files.readString(hook);

        CliRun refused = install();
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err()).isEqualTo(".git/hooks/pre-commit: a pre-commit hook is already there and paperlist "
                + "did not write it; use --chain to run it before paperlist's check, or --force to replace it\n");
        assertThat(Files.readString(hook)).isEqualTo(before);

        CliRun uninstall = CliRun.in(repo, "hook", "uninstall");
        assertThat(uninstall.exitCode()).isEqualTo(5);
        assertThat(uninstall.err()).isEqualTo(".git/hooks/pre-commit: paperlist did not write this hook; it is left as it is\n");
        assertThat(Files.readString(hook)).isEqualTo(before);

        CliRun forced = install("--force");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).startsWith(".git/hooks/pre-commit: installed (replacing the hook that was there)\n");
        assertThat(Files.readString(hook)).contains(GitHook.SIGNATURE);
    }

    @Test
    void aChainedHookRunsFirstAndUninstallPutsItBack() throws IOException {
        Path hook = foreignHook("echo ran >> chained.log; exit \"$(cat chained-exit 2>/dev/null || echo 0)\"");
        String foreign = Files.readString(hook);

        CliRun chain = install("--chain");
        assertThat(chain.exitCode()).as(chain.toString()).isZero();
        assertThat(chain.out()).startsWith(".git/hooks/pre-commit: installed (the hook that was there is kept as "
                + "pre-commit.before-paperlist and runs first)\n");

        Processes.Result ok = commit("papers.yaml", "README.md");
        assertThat(ok.exitCode()).as(ok.toString()).isZero();
        assertThat(Files.readString(repo.resolve("chained.log"))).isEqualTo("ran\n");

        write("chained-exit", "3\n");
        write("papers.yaml", CATALOG + "  - title: Empty\n");
        assertThat(CliRun.in(repo, "render").exitCode()).isZero();
        Processes.Result blocked = commit("papers.yaml", "README.md");
        assertThat(blocked.exitCode()).as("the chained hook's failure stops the commit: %s", blocked).isNotZero();
        assertThat(blocked.err()).as("the check does not run after the chained hook failed").doesNotContain("up to date");
        assertThat(Files.readString(repo.resolve("chained.log"))).isEqualTo("ran\nran\n");
        assertThat(commitCount()).isEqualTo(1);

        CliRun uninstall = CliRun.in(repo, "hook", "uninstall");
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        assertThat(uninstall.out()).isEqualTo(".git/hooks/pre-commit: removed; the hook it chained is back in its place\n");
        assertThat(Files.readString(hook)).isEqualTo(foreign);
        assertThat(repo.resolve(".git/hooks/" + GitHook.CHAINED_NAME)).doesNotExist();
    }

    @Test
    void reinstallingUpdatesAndUninstallRemovesOnlyItsOwnHook() {
        install();
        CliRun again = install();
        assertThat(again.out()).startsWith(".git/hooks/pre-commit: updated\n");

        CliRun removed = CliRun.in(repo, "hook", "uninstall");
        assertThat(removed.exitCode()).isZero();
        assertThat(removed.out()).isEqualTo(".git/hooks/pre-commit: removed\n");
        assertThat(repo.resolve(".git/hooks/pre-commit")).doesNotExist();

        CliRun nothing = CliRun.in(repo, "hook", "uninstall");
        assertThat(nothing.exitCode()).isZero();
        assertThat(nothing.out()).isEqualTo(".git/hooks/pre-commit: no hook there; nothing to remove\n");
    }

    @Test
    void theDefaultCommandIsTheLauncherThatStartedPaperlist() throws IOException {
        CliRun install = CliRun.in(repo, Map.of("PAPERLIST_LAUNCHER", "/opt/paper list/paperlist"),
                "hook", "install", "--catalog", "lists/my papers.yaml");
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.out()).endsWith("it runs: '/opt/paper list/paperlist' check --catalog 'lists/my papers.yaml'\n");
        assertThat(Files.readString(repo.resolve(".git/hooks/pre-commit")))
                .contains("\n'/opt/paper list/paperlist' check --catalog 'lists/my papers.yaml'\n");
    }

    @Test
    void chainAndForceTogetherAreAUsageError() {
        CliRun both = install("--chain", "--force");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--chain, --force are mutually exclusive");
    }

    @Test
    void outsideAGitRepositoryItIsAUsageError(@TempDir Path notARepo) {
        CliRun install = CliRun.in(notARepo, "hook", "install");
        assertThat(install.exitCode()).isEqualTo(2);
        assertThat(install.err()).startsWith("paperlist: " + notARepo.toAbsolutePath().normalize()
                + " is not in a git repository (git: fatal: not a git repository");
        assertThat(install.err()).doesNotContain("\tat ");
    }

    private CliRun install(String... options) {
        List<String> args = new ArrayList<>(List.of("hook", "install", "--command", Processes.paperlistShellCommand()));
        args.addAll(List.of(options));
        return CliRun.in(repo, args.toArray(String[]::new));
    }

    private Path foreignHook(String body) throws IOException {
        Path hook = repo.resolve(".git/hooks/pre-commit");
        Files.createDirectories(hook.getParent());
        Files.writeString(hook, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
        hook.toFile().setExecutable(true);
        return hook;
    }

    private Processes.Result commit(String... files) {
        List<String> add = new ArrayList<>(List.of("add", "--"));
        add.addAll(List.of(files));
        git(add.toArray(String[]::new));
        return Processes.run(repo, GIT_ENV, List.of("git", "commit", "-q", "-m", "Update the list"));
    }

    private int commitCount() {
        Processes.Result count = Processes.run(repo, GIT_ENV, List.of("git", "rev-list", "--count", "HEAD"));
        return Integer.parseInt(count.out().strip());
    }

    private void git(String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(repo, GIT_ENV, command);
        assertThat(result.exitCode()).as("%s: %s", command, result).isZero();
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(repo.resolve(name), text, StandardCharsets.UTF_8);
    }
}
