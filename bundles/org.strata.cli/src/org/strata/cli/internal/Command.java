package org.strata.cli.internal;

import java.util.Set;

/** One {@code strata} sub-command. */
interface Command {
    String name();

    /** One line for the command list. */
    String summary();

    /** The usage text shown by {@code strata help <command>} and after a usage error. */
    String usage();

    /** Options that take a value (without dashes). */
    Set<String> valuedOptions();

    /** Flags (without dashes); {@code json} and {@code debug} are always accepted. */
    Set<String> flags();

    /** Runs the command; returns the exit code. Errors for people are thrown as StrataException. */
    int run(Args args, Console console) throws Exception;
}
