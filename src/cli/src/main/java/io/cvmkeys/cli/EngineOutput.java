package io.cvmkeys.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cvmkeys.dsl.validate.Finding;
import io.cvmkeys.dsl.write.Json;
import io.cvmkeys.engine.EngineResult;
import io.cvmkeys.engine.ProgressListener;
import io.cvmkeys.engine.whatif.WhatIfJson;
import picocli.CommandLine;

import java.io.PrintWriter;

/** Prints an engine run: progress lines while it runs, then the result as a line or as JSON. */
final class EngineOutput {

    private final CommandLine commandLine;
    private final boolean json;

    EngineOutput(CommandLine commandLine, boolean json) {
        this.commandLine = commandLine;
        this.json = json;
    }

    /** Progress goes to standard output, or to standard error when standard output carries JSON. */
    ProgressListener progress() {
        PrintWriter writer = json ? commandLine.getErr() : commandLine.getOut();
        return line -> {
            writer.println(line);
            writer.flush();
        };
    }

    int finish(EngineResult result) {
        if (json) {
            commandLine.getOut().print(Json.pretty(toJson(result)));
        } else {
            PrintWriter writer = result.exitCode() == ExitCodes.FAILED || result.exitCode() == ExitCodes.INVALID_INPUT
                    ? commandLine.getErr() : commandLine.getOut();
            writer.println((result.exitCode() == ExitCodes.OK ? "" : result.exitCode() == ExitCodes.PENDING_APPROVAL
                    ? "" : "error: ") + result.message());
        }
        commandLine.getOut().flush();
        commandLine.getErr().flush();
        return result.exitCode();
    }

    private static ObjectNode toJson(EngineResult result) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("status", result.status().name());
        root.put("exitCode", result.exitCode());
        root.put("message", result.message());
        if (result.plan() != null) {
            root.set("plan", new WhatIfJson().toJson(result.plan()));
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : result.findings()) {
            findings.addObject().put("ruleId", finding.ruleId()).put("severity", finding.severity().label())
                    .put("resource", finding.resource()).put("message", finding.message()).put("fix", finding.fix());
        }
        if (result.outputs() != null) {
            root.set("outputs", result.outputs());
        }
        return root;
    }
}
