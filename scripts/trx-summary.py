#!/usr/bin/env python3
"""Prints the closing line of a test run from its TRX file, preceded by each failed test and its message.

CI logs are often read from the tail only, so the failures are repeated here, after the runner's own output.
"""
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(path: str) -> None:
    root = ET.parse(path).getroot()
    failed = root.findall(".//t:UnitTestResult[@outcome='Failed']", NS)
    for result in failed:
        message = result.findtext(".//t:Message", default="", namespaces=NS).strip()
        print(f"FAILED {result.get('testName')}")
        for line in message.splitlines()[:12]:
            print(f"    {line}")
    counters = root.find(".//t:Counters", NS)
    total, executed = int(counters.get("total")), int(counters.get("executed"))
    print(f"Tests: {counters.get('passed')} passed, {counters.get('failed')} failed, {total - executed} skipped")


if __name__ == "__main__":
    main(sys.argv[1])
