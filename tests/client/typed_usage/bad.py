"""Mistakes that mypy catches: each line marked ``# error:`` must be reported, nothing else."""

from __future__ import annotations

from cftools.client import Client


def mistakes(client: Client) -> None:
    client.send_calls([{"phonNumber": "12135551100"}])  # error: body key
    call = client.get_call(1)
    print(call["finalCallResutl"])  # error: response key
    client.send_calls([{"voice": "ROBOT"}])  # error: enumeration
    for item in client.paginate("findCalls"):
        print(item["toNumbr"])  # error: item key
