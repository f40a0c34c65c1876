"""Named methods for every CallFire API v2 operation. GENERATED: do not edit.

Written by ``python -m cftools.client._codegen`` from the table of operations; see that
module for the mapping from operationIds and parameter names. Each method forwards to
``_call``, which ``Client`` and ``AsyncClient`` implement. Bodies and results are typed
with the models of :mod:`cftools.spec.models`, imported for type checking only; the
typed ``paginate`` overloads close the file.
"""

# ruff: noqa: E501
# fmt: off

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

from cftools.client._types import FileInput

if TYPE_CHECKING:
    from cftools.spec.models import (
        Account,
        AddContactListContactsRequest,
        AddDoNotContactRequest,
        ApiCredential,
        ApiCredentialPage,
        Batch,
        BatchPage,
        BatchRequest,
        BillingPlanUsage,
        Call,
        CallBroadcast,
        CallBroadcastPage,
        CallBroadcastStats,
        CallCreateSound,
        CallerIdList,
        CallerIdVerificationRequest,
        CallList,
        CallPage,
        CallRecipient,
        CallRecording,
        CallRecordingList,
        CampaignSound,
        CampaignSoundPage,
        Contact,
        ContactHistory,
        ContactList,
        ContactListPage,
        ContactPage,
        CreateContactListRequest,
        CreditUsage,
        DeliveryReport,
        DoNotContact,
        DoNotContactPage,
        ItemListUniversalDoNotContact,
        ItemListWebhookResource,
        KeywordConfig,
        KeywordLease,
        KeywordLeasePage,
        KeywordList,
        KeywordPurchaseRequest,
        Media,
        MediaPage,
        NumberConfig,
        NumberConfigPage,
        NumberLease,
        NumberLeasePage,
        NumberList,
        NumberOrder,
        NumberPurchaseRequest,
        Page,
        PageDeliveryReport,
        PageNumberOrder,
        Recipient,
        Region,
        RegionPage,
        ResourceId,
        ResourceIdList,
        Text,
        TextAutoReply,
        TextAutoReplyPage,
        TextBroadcast,
        TextBroadcastCreateResponse,
        TextBroadcastPage,
        TextBroadcastStatsDto,
        TextList,
        TextPage,
        TextRecipient,
        TextToSpeech,
        UpdateContactListRequest,
        Webhook,
        WebhookPage,
        WebhookResource,
    )

__all__ = [
    "AsyncOperations",
    "AsyncPaginate",
    "SyncOperations",
    "SyncPaginate",
    "async_paginate",
    "sync_paginate",
]

class SyncOperations:
    """One named method, for ``Client``, per operation of the table."""

    __slots__ = ()

    def _call(
        self,
        operation_id: str,
        params: Mapping[str, Any],
        *,
        body: Any,
        files: Mapping[str, FileInput] | None,
        project: bool,
        validate: bool,
    ) -> Any:
        raise NotImplementedError

    def add_call_broadcast_batch(
        self,
        id: int,
        body: BatchRequest | None = None,
        *,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Add call broadcast batch.

        ``POST /calls/broadcasts/{id}/batches`` (operationId ``addCallBroadcastBatch``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            body: BatchRequest object; body.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('addCallBroadcastBatch', {'id': id, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    def add_call_broadcast_recipients(
        self,
        id: int,
        body: Sequence[Recipient] | None = None,
        *,
        fields: str | None = None,
        strict_validation: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallList:
        """Add call broadcast recipients.

        ``POST /calls/broadcasts/{id}/recipients`` (operationId ``addCallBroadcastRecipients``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            body: array of Recipient object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            strict_validation (``strictValidation``): boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallList``.
        """
        result: CallList = self._call('addCallBroadcastRecipients', {'id': id, 'fields': fields, 'strictValidation': strict_validation}, body=body, files=None, project=project, validate=validate)
        return result

    def add_contact_list_items(
        self,
        id: int,
        body: AddContactListContactsRequest | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Add contact list items.

        ``POST /contacts/lists/{id}/items`` (operationId ``addContactListItems``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            body: AddContactListContactsRequest object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('addContactListItems', {'id': id}, body=body, files=None, project=False, validate=validate)

    def add_do_not_contacts(
        self,
        body: AddDoNotContactRequest | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Add do not contacts.

        ``POST /contacts/dncs`` (operationId ``addDoNotContacts``, tag ``contacts``).

        Args:
            body: AddDoNotContactRequest object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('addDoNotContacts', {}, body=body, files=None, project=False, validate=validate)

    def add_text_broadcast_batch(
        self,
        id: int,
        body: BatchRequest | None = None,
        *,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Add text broadcast batch.

        ``POST /texts/broadcasts/{id}/batches`` (operationId ``addTextBroadcastBatch``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            body: BatchRequest object; body.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('addTextBroadcastBatch', {'id': id, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    def add_text_broadcast_recipients(
        self,
        id: int,
        body: Sequence[TextRecipient] | None = None,
        *,
        fields: str | None = None,
        strict_validation: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextList:
        """Add text broadcast recipients.

        ``POST /texts/broadcasts/{id}/recipients`` (operationId ``addTextBroadcastRecipients``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            body: array of TextRecipient object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            strict_validation (``strictValidation``): boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextList``.
        """
        result: TextList = self._call('addTextBroadcastRecipients', {'id': id, 'fields': fields, 'strictValidation': strict_validation}, body=body, files=None, project=project, validate=validate)
        return result

    def archive_text_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Archive text broadcast.

        ``POST /texts/broadcasts/{id}/archive`` (operationId ``archiveTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('archiveTextBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    def archive_voice_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Archive voice broadcast.

        ``POST /calls/broadcasts/{id}/archive`` (operationId ``archiveVoiceBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('archiveVoiceBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    def create_api_credential(
        self,
        body: ApiCredential | None = None,
        *,
        validate: bool = True,
    ) -> ApiCredential:
        """Create api credential.

        ``POST /me/api/credentials`` (operationId ``createApiCredential``, tag ``me``).

        Args:
            body: ApiCredential object; body.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ApiCredential``.
        """
        result: ApiCredential = self._call('createApiCredential', {}, body=body, files=None, project=False, validate=validate)
        return result

    def create_call_broadcast(
        self,
        body: CallBroadcast | None = None,
        *,
        start: bool | None = None,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Create call broadcast.

        ``POST /calls/broadcasts`` (operationId ``createCallBroadcast``, tag ``calls``).

        Args:
            body: CallBroadcast object; body.
            start: boolean; query.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('createCallBroadcast', {'start': start, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    def create_contact_list(
        self,
        body: CreateContactListRequest | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactList:
        """Create contact list.

        ``POST /contacts/lists`` (operationId ``createContactList``, tag ``contacts``).

        Args:
            body: CreateContactListRequest object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactList``.
        """
        result: ContactList = self._call('createContactList', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    def create_contact_list_from_file(
        self,
        file: FileInput,
        *,
        name: str | None = None,
        use_custom_fields: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Create contact list from file.

        ``POST /contacts/lists/upload`` (operationId ``createContactListFromFile``, tag ``contacts``).

        Args:
            file: file; form field; required.
            name: string; form field.
            use_custom_fields (``useCustomFields``): boolean; form field.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('createContactListFromFile', {'name': name, 'useCustomFields': use_custom_fields}, body=None, files={'file': file}, project=False, validate=validate)
        return result

    def create_contacts(
        self,
        body: Sequence[Contact] | None = None,
        *,
        validate: bool = True,
    ) -> ResourceIdList:
        """Create contacts.

        ``POST /contacts`` (operationId ``createContacts``, tag ``contacts``).

        Args:
            body: array of Contact object; body.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceIdList``.
        """
        result: ResourceIdList = self._call('createContacts', {}, body=body, files=None, project=False, validate=validate)
        return result

    def create_media(
        self,
        file: FileInput,
        *,
        name: str | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Create media.

        ``POST /media`` (operationId ``createMedia``, tag ``media``).

        Args:
            file: file; form field; required.
            name: string; form field.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('createMedia', {'name': name}, body=None, files={'file': file}, project=False, validate=validate)
        return result

    def create_text_auto_reply(
        self,
        body: TextAutoReply | None = None,
        *,
        validate: bool = True,
    ) -> ResourceId:
        """Create text auto reply.

        ``POST /texts/auto-replys`` (operationId ``createTextAutoReply``, tag ``texts``).

        Args:
            body: TextAutoReply object; body.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('createTextAutoReply', {}, body=body, files=None, project=False, validate=validate)
        return result

    def create_text_broadcast(
        self,
        body: TextBroadcast | None = None,
        *,
        start: bool | None = None,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Create text broadcast.

        ``POST /texts/broadcasts`` (operationId ``createTextBroadcast``, tag ``texts``).

        Args:
            body: TextBroadcast object; body.
            start: boolean; query.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('createTextBroadcast', {'start': start, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    def create_webhook(
        self,
        body: Webhook | None = None,
        *,
        validate: bool = True,
    ) -> ResourceId:
        """Create webhook.

        ``POST /webhooks`` (operationId ``createWebhook``, tag ``webhooks``).

        Args:
            body: Webhook object; body.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('createWebhook', {}, body=body, files=None, project=False, validate=validate)
        return result

    def delete_api_credential(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete api credential.

        ``DELETE /me/api/credentials/{id}`` (operationId ``deleteApiCredential``, tag ``me``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('deleteApiCredential', {'id': id}, body=None, files=None, project=False, validate=validate)

    def delete_campaign_sound(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete campaign sound.

        ``DELETE /campaigns/sounds/{id}`` (operationId ``deleteCampaignSound``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('deleteCampaignSound', {'id': id}, body=None, files=None, project=False, validate=validate)

    def delete_contact(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete contact.

        ``DELETE /contacts/{id}`` (operationId ``deleteContact``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('deleteContact', {'id': id}, body=None, files=None, project=False, validate=validate)

    def delete_contact_list(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete contact list.

        ``DELETE /contacts/lists/{id}`` (operationId ``deleteContactList``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('deleteContactList', {'id': id}, body=None, files=None, project=False, validate=validate)

    def delete_do_not_contact(
        self,
        number: str | Sequence[str],
        *,
        validate: bool = True,
    ) -> None:
        """Delete do not contact.

        ``DELETE /contacts/dncs/{number}`` (operationId ``deleteDoNotContact``, tag ``contacts``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required; several values joined by ',' (a list is joined).
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('deleteDoNotContact', {'number': number}, body=None, files=None, project=False, validate=validate)

    def delete_do_not_contacts_by_source(
        self,
        source: str,
        *,
        validate: bool = True,
    ) -> None:
        """Delete do not contacts by source.

        ``DELETE /contacts/dncs/sources/{source}`` (operationId ``deleteDoNotContactsBySource``, tag ``contacts``).

        Args:
            source: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('deleteDoNotContactsBySource', {'source': source}, body=None, files=None, project=False, validate=validate)

    def delete_text_auto_reply(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete text auto reply.

        ``DELETE /texts/auto-replys/{id}`` (operationId ``deleteTextAutoReply``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('deleteTextAutoReply', {'id': id}, body=None, files=None, project=False, validate=validate)

    def delete_webhook(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete webhook.

        ``DELETE /webhooks/{id}`` (operationId ``deleteWebhook``, tag ``webhooks``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('deleteWebhook', {'id': id}, body=None, files=None, project=False, validate=validate)

    def disable_api_credentials(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Disable api credentials.

        ``POST /me/api/credentials/{id}/disable`` (operationId ``disableApiCredentials``, tag ``me``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('disableApiCredentials', {'id': id}, body=None, files=None, project=False, validate=validate)

    def enable_api_credentials(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Enable api credentials.

        ``POST /me/api/credentials/{id}/enable`` (operationId ``enableApiCredentials``, tag ``me``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('enableApiCredentials', {'id': id}, body=None, files=None, project=False, validate=validate)

    def find_api_credentials(
        self,
        *,
        name: str | None = None,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ApiCredentialPage:
        """Find api credentials.

        ``GET /me/api/credentials`` (operationId ``findApiCredentials``, tag ``me``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            name: string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ApiCredentialPage``.
        """
        result: ApiCredentialPage = self._call('findApiCredentials', {'name': name, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    def find_call_broadcasts(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        label: str | None = None,
        name: str | None = None,
        running: bool | None = None,
        scheduled: bool | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallBroadcastPage:
        """Find call broadcasts.

        ``GET /calls/broadcasts`` (operationId ``findCallBroadcasts``, tag ``calls``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 10.
            offset: integer (int32); query; API default 0.
            label: string; query.
            name: string; query.
            running: boolean; query.
            scheduled: boolean; query.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallBroadcastPage``.
        """
        result: CallBroadcastPage = self._call('findCallBroadcasts', {'fields': fields, 'limit': limit, 'offset': offset, 'label': label, 'name': name, 'running': running, 'scheduled': scheduled, 'intervalBegin': interval_begin, 'intervalEnd': interval_end}, body=None, files=None, project=project, validate=validate)
        return result

    def find_calls(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        id: Sequence[int] | None = None,
        campaign_id: int | None = None,
        batch_id: int | None = None,
        from_number: str | None = None,
        to_number: str | None = None,
        label: str | None = None,
        states: Literal['READY', 'SELECTED', 'CALLBACK', 'FINISHED', 'DISABLED', 'SKIPPED', 'DNC', 'DUP', 'INVALID', 'TIMEOUT', 'PERIOD_LIMIT'] | Sequence[Literal['READY', 'SELECTED', 'CALLBACK', 'FINISHED', 'DISABLED', 'SKIPPED', 'DNC', 'DUP', 'INVALID', 'TIMEOUT', 'PERIOD_LIMIT']] | str | None = None,
        results: Literal['LA', 'AM', 'BUSY', 'DNC', 'XFER', 'NO_ANS', 'XFER_LEG', 'INTERNAL_ERROR', 'CARRIER_ERROR', 'CARRIER_TEMP_ERROR', 'UNDIALED', 'SD', 'POSTPONED', 'ABANDONED', 'SKIPPED', 'SENT', 'RECEIVED', 'DNT', 'TOO_BIG'] | Sequence[Literal['LA', 'AM', 'BUSY', 'DNC', 'XFER', 'NO_ANS', 'XFER_LEG', 'INTERNAL_ERROR', 'CARRIER_ERROR', 'CARRIER_TEMP_ERROR', 'UNDIALED', 'SD', 'POSTPONED', 'ABANDONED', 'SKIPPED', 'SENT', 'RECEIVED', 'DNT', 'TOO_BIG']] | str | None = None,
        inbound: bool | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallPage:
        """Find calls.

        ``GET /calls`` (operationId ``findCalls``, tag ``calls``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            id: array of integer (int64); query; sent as repeated query keys.
            campaign_id (``campaignId``): integer (int64); query.
            batch_id (``batchId``): integer (int64); query.
            from_number (``fromNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            to_number (``toNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            label: string; query.
            states: string; query; one of READY, SELECTED, CALLBACK, FINISHED, DISABLED, SKIPPED, DNC, DUP, INVALID, TIMEOUT, PERIOD_LIMIT; several values joined by ',' (a list is joined).
            results: string; query; one of LA, AM, BUSY, DNC, XFER, NO_ANS, XFER_LEG, INTERNAL_ERROR, CARRIER_ERROR, CARRIER_TEMP_ERROR, UNDIALED, SD, POSTPONED, ABANDONED, SKIPPED, SENT, RECEIVED, DNT, TOO_BIG; several values joined by ',' (a list is joined).
            inbound: boolean; query.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallPage``.
        """
        result: CallPage = self._call('findCalls', {'fields': fields, 'limit': limit, 'offset': offset, 'id': id, 'campaignId': campaign_id, 'batchId': batch_id, 'fromNumber': from_number, 'toNumber': to_number, 'label': label, 'states': states, 'results': results, 'inbound': inbound, 'intervalBegin': interval_begin, 'intervalEnd': interval_end}, body=None, files=None, project=project, validate=validate)
        return result

    def find_campaign_sounds(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        filter: str | None = None,
        include_archived: bool | None = None,
        include_pending: bool | None = None,
        include_scrubbed: bool | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSoundPage:
        """Find campaign sounds.

        ``GET /campaigns/sounds`` (operationId ``findCampaignSounds``, tag ``campaigns``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            filter: string; query.
            include_archived (``includeArchived``): boolean; query.
            include_pending (``includePending``): boolean; query.
            include_scrubbed (``includeScrubbed``): boolean; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSoundPage``.
        """
        result: CampaignSoundPage = self._call('findCampaignSounds', {'limit': limit, 'offset': offset, 'filter': filter, 'includeArchived': include_archived, 'includePending': include_pending, 'includeScrubbed': include_scrubbed, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def find_contact_lists(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        name: str | None = None,
        contact_count: int | None = None,
        order_by: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactListPage:
        """Find contact lists.

        ``GET /contacts/lists`` (operationId ``findContactLists``, tag ``contacts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            name: string; query.
            contact_count (``contactCount``): integer (int32); query.
            order_by (``orderBy``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactListPage``.
        """
        result: ContactListPage = self._call('findContactLists', {'fields': fields, 'limit': limit, 'offset': offset, 'name': name, 'contactCount': contact_count, 'orderBy': order_by}, body=None, files=None, project=project, validate=validate)
        return result

    def find_contacts(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        id: Sequence[int] | None = None,
        number: Sequence[str] | None = None,
        contact_list_id: int | None = None,
        property_name: str | None = None,
        property_value: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactPage:
        """Find contacts.

        ``GET /contacts`` (operationId ``findContacts``, tag ``contacts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            id: array of integer (int64); query; sent as repeated query keys.
            number: array of string (phone); query; sent as repeated query keys.
            contact_list_id (``contactListId``): integer (int64); query.
            property_name (``propertyName``): string; query.
            property_value (``propertyValue``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactPage``.
        """
        result: ContactPage = self._call('findContacts', {'fields': fields, 'limit': limit, 'offset': offset, 'id': id, 'number': number, 'contactListId': contact_list_id, 'propertyName': property_name, 'propertyValue': property_value}, body=None, files=None, project=project, validate=validate)
        return result

    def find_do_not_contacts(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        prefix: str | None = None,
        campaign_id: int | None = None,
        source: str | None = None,
        call: bool | None = None,
        text: bool | None = None,
        inbound_call: bool | None = None,
        inbound_text: bool | None = None,
        number: Sequence[str] | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> DoNotContactPage:
        """Find do not contacts.

        ``GET /contacts/dncs`` (operationId ``findDoNotContacts``, tag ``contacts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            prefix: string; query.
            campaign_id (``campaignId``): integer (int64); query.
            source: string; query.
            call: boolean; query.
            text: boolean; query.
            inbound_call (``inboundCall``): boolean; query.
            inbound_text (``inboundText``): boolean; query.
            number: array of string (phone); query; sent as repeated query keys.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``DoNotContactPage``.
        """
        result: DoNotContactPage = self._call('findDoNotContacts', {'fields': fields, 'limit': limit, 'offset': offset, 'prefix': prefix, 'campaignId': campaign_id, 'source': source, 'call': call, 'text': text, 'inboundCall': inbound_call, 'inboundText': inbound_text, 'number': number}, body=None, files=None, project=project, validate=validate)
        return result

    def find_keyword_lease_configs(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        filter: str | None = None,
        label_name: str | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Page:
        """Find keyword lease configs.

        ``GET /keywords/leases/configs`` (operationId ``findKeywordLeaseConfigs``, tag ``keywords``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 20.
            offset: integer (int32); query; API default 0.
            filter: string; query.
            label_name (``labelName``): string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Page``.
        """
        result: Page = self._call('findKeywordLeaseConfigs', {'limit': limit, 'offset': offset, 'filter': filter, 'labelName': label_name, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def find_keyword_leases(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        filter: str | None = None,
        label_name: str | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> KeywordLeasePage:
        """Find keyword leases.

        ``GET /keywords/leases`` (operationId ``findKeywordLeases``, tag ``keywords``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            filter: string; query.
            label_name (``labelName``): string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordLeasePage``.
        """
        result: KeywordLeasePage = self._call('findKeywordLeases', {'limit': limit, 'offset': offset, 'filter': filter, 'labelName': label_name, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def find_keywords(
        self,
        *,
        keywords: Sequence[str] | None = None,
        validate: bool = True,
    ) -> KeywordList:
        """Find keywords.

        ``GET /keywords`` (operationId ``findKeywords``, tag ``keywords``).

        Args:
            keywords: array of string; query; sent as repeated query keys.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordList``.
        """
        result: KeywordList = self._call('findKeywords', {'keywords': keywords}, body=None, files=None, project=False, validate=validate)
        return result

    def find_media(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        filter: str | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> MediaPage:
        """Find media.

        ``GET /media`` (operationId ``findMedia``, tag ``media``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            filter: string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``MediaPage``.
        """
        result: MediaPage = self._call('findMedia', {'limit': limit, 'offset': offset, 'filter': filter, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def find_number_lease_configs(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        prefix: str | None = None,
        city: str | None = None,
        state: str | None = None,
        zipcode: str | None = None,
        label_name: str | None = None,
        fields: str | None = None,
        lata: str | None = None,
        rate_center: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberConfigPage:
        """Find number lease configs.

        ``GET /numbers/leases/configs`` (operationId ``findNumberLeaseConfigs``, tag ``numbers``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            prefix: string; query.
            city: string; query.
            state: string; query.
            zipcode: string; query.
            label_name (``labelName``): string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            lata: string; query.
            rate_center (``rateCenter``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberConfigPage``.
        """
        result: NumberConfigPage = self._call('findNumberLeaseConfigs', {'limit': limit, 'offset': offset, 'prefix': prefix, 'city': city, 'state': state, 'zipcode': zipcode, 'labelName': label_name, 'fields': fields, 'lata': lata, 'rateCenter': rate_center}, body=None, files=None, project=project, validate=validate)
        return result

    def find_number_leases(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        prefix: str | None = None,
        city: str | None = None,
        state: str | None = None,
        zipcode: str | None = None,
        label_name: str | None = None,
        toll_free: bool | None = None,
        fields: str | None = None,
        lata: str | None = None,
        rate_center: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberLeasePage:
        """Find number leases.

        ``GET /numbers/leases`` (operationId ``findNumberLeases``, tag ``numbers``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            prefix: string; query.
            city: string; query.
            state: string; query.
            zipcode: string; query.
            label_name (``labelName``): string; query.
            toll_free (``tollFree``): boolean; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            lata: string; query.
            rate_center (``rateCenter``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberLeasePage``.
        """
        result: NumberLeasePage = self._call('findNumberLeases', {'limit': limit, 'offset': offset, 'prefix': prefix, 'city': city, 'state': state, 'zipcode': zipcode, 'labelName': label_name, 'tollFree': toll_free, 'fields': fields, 'lata': lata, 'rateCenter': rate_center}, body=None, files=None, project=project, validate=validate)
        return result

    def find_number_regions(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        prefix: str | None = None,
        city: str | None = None,
        state: str | None = None,
        zipcode: str | None = None,
        fields: str | None = None,
        lata: str | None = None,
        rate_center: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> RegionPage:
        """Find number regions.

        ``GET /numbers/regions`` (operationId ``findNumberRegions``, tag ``numbers``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            prefix: string; query.
            city: string; query.
            state: string; query.
            zipcode: string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            lata: string; query.
            rate_center (``rateCenter``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``RegionPage``.
        """
        result: RegionPage = self._call('findNumberRegions', {'limit': limit, 'offset': offset, 'prefix': prefix, 'city': city, 'state': state, 'zipcode': zipcode, 'fields': fields, 'lata': lata, 'rateCenter': rate_center}, body=None, files=None, project=project, validate=validate)
        return result

    def find_numbers_local(
        self,
        *,
        limit: int | None = None,
        prefix: str | None = None,
        city: str | None = None,
        state: str | None = None,
        zipcode: str | None = None,
        fields: str | None = None,
        lata: str | None = None,
        rate_center: str | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberList:
        """Find numbers local.

        ``GET /numbers/local`` (operationId ``findNumbersLocal``, tag ``numbers``).

        Args:
            limit: integer (int32); query; API default 100.
            prefix: string; query.
            city: string; query.
            state: string; query.
            zipcode: string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            lata: string; query.
            rate_center (``rateCenter``): string; query.
            offset: integer (int32); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberList``.
        """
        result: NumberList = self._call('findNumbersLocal', {'limit': limit, 'prefix': prefix, 'city': city, 'state': state, 'zipcode': zipcode, 'fields': fields, 'lata': lata, 'rateCenter': rate_center, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    def find_numbers_tollfree(
        self,
        *,
        pattern: str | None = None,
        limit: int | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberList:
        """Find numbers tollfree.

        ``GET /numbers/tollfree`` (operationId ``findNumbersTollfree``, tag ``numbers``).

        Args:
            pattern: string; query.
            limit: integer (int32); query; API default 100.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberList``.
        """
        result: NumberList = self._call('findNumbersTollfree', {'pattern': pattern, 'limit': limit, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def find_orders(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        fields: str | None = None,
        status: Sequence[str] | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> PageNumberOrder:
        """Find orders.

        ``GET /orders`` (operationId ``findOrders``, tag ``orders``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 20.
            offset: integer (int32); query; API default 0.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            status: array of string; query; one of PROCESSING, FINISHED, PAYMENT_ERROR, VOID, WAIT_FOR_PAYMENT, PARTIALLY_ADJUSTED, ADJUSTED, NEW, ERRORED, APPROVE_TIER_ONE, APPROVE_TIER_TWO, REJECTED; several values joined by ',' (a list is joined); sent as repeated query keys.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``PageNumberOrder``.
        """
        result: PageNumberOrder = self._call('findOrders', {'limit': limit, 'offset': offset, 'fields': fields, 'status': status, 'intervalBegin': interval_begin, 'intervalEnd': interval_end}, body=None, files=None, project=project, validate=validate)
        return result

    def find_text_auto_replys(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        number: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextAutoReplyPage:
        """Find text auto replys.

        ``GET /texts/auto-replys`` (operationId ``findTextAutoReplys``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            number: a phone number, digits only (E.164 with country code, or a short code); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextAutoReplyPage``.
        """
        result: TextAutoReplyPage = self._call('findTextAutoReplys', {'fields': fields, 'limit': limit, 'offset': offset, 'number': number}, body=None, files=None, project=project, validate=validate)
        return result

    def find_text_broadcasts(
        self,
        *,
        name: str | None = None,
        label: str | None = None,
        running: bool | None = None,
        scheduled: bool | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextBroadcastPage:
        """Find text broadcasts.

        ``GET /texts/broadcasts`` (operationId ``findTextBroadcasts``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            name: string; query.
            label: string; query.
            running: boolean; query.
            scheduled: boolean; query.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            limit: integer (int32); query; API default 10.
            offset: integer (int32); query; API default 0.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextBroadcastPage``.
        """
        result: TextBroadcastPage = self._call('findTextBroadcasts', {'name': name, 'label': label, 'running': running, 'scheduled': scheduled, 'intervalBegin': interval_begin, 'intervalEnd': interval_end, 'limit': limit, 'offset': offset, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def find_texts(
        self,
        *,
        id: Sequence[int] | None = None,
        campaign_id: int | None = None,
        batch_id: int | None = None,
        from_number: str | None = None,
        to_number: str | None = None,
        label: str | None = None,
        states: Literal['READY', 'SELECTED', 'CALLBACK', 'FINISHED', 'DISABLED', 'SKIPPED', 'DNC', 'DUP', 'INVALID', 'TIMEOUT', 'PERIOD_LIMIT'] | Sequence[Literal['READY', 'SELECTED', 'CALLBACK', 'FINISHED', 'DISABLED', 'SKIPPED', 'DNC', 'DUP', 'INVALID', 'TIMEOUT', 'PERIOD_LIMIT']] | str | None = None,
        results: Literal['SENT', 'RECEIVED', 'DNT', 'TOO_BIG', 'INTERNAL_ERROR', 'CARRIER_ERROR', 'CARRIER_TEMP_ERROR', 'UNDIALED'] | Sequence[Literal['SENT', 'RECEIVED', 'DNT', 'TOO_BIG', 'INTERNAL_ERROR', 'CARRIER_ERROR', 'CARRIER_TEMP_ERROR', 'UNDIALED']] | str | None = None,
        inbound: bool | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextPage:
        """Find texts.

        ``GET /texts`` (operationId ``findTexts``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: array of integer (int64); query; sent as repeated query keys.
            campaign_id (``campaignId``): integer (int64); query.
            batch_id (``batchId``): integer (int64); query.
            from_number (``fromNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            to_number (``toNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            label: string; query.
            states: string; query; one of READY, SELECTED, CALLBACK, FINISHED, DISABLED, SKIPPED, DNC, DUP, INVALID, TIMEOUT, PERIOD_LIMIT; several values joined by ',' (a list is joined).
            results: string; query; one of SENT, RECEIVED, DNT, TOO_BIG, INTERNAL_ERROR, CARRIER_ERROR, CARRIER_TEMP_ERROR, UNDIALED; several values joined by ',' (a list is joined).
            inbound: boolean; query.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            limit: integer (int32); query; API default 10.
            offset: integer (int32); query; API default 0.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextPage``.
        """
        result: TextPage = self._call('findTexts', {'id': id, 'campaignId': campaign_id, 'batchId': batch_id, 'fromNumber': from_number, 'toNumber': to_number, 'label': label, 'states': states, 'results': results, 'inbound': inbound, 'intervalBegin': interval_begin, 'intervalEnd': interval_end, 'limit': limit, 'offset': offset, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def find_webhook_resources(
        self,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ItemListWebhookResource:
        """Find webhook resources.

        ``GET /webhooks/resources`` (operationId ``findWebhookResources``, tag ``webhooks``).

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ItemListWebhookResource``.
        """
        result: ItemListWebhookResource = self._call('findWebhookResources', {'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def find_webhooks(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        name: str | None = None,
        resource: str | None = None,
        event: str | None = None,
        callback: str | None = None,
        enabled: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> WebhookPage:
        """Find webhooks.

        ``GET /webhooks`` (operationId ``findWebhooks``, tag ``webhooks``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            name: string; query.
            resource: string; query.
            event: string; query.
            callback: string; query.
            enabled: boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``WebhookPage``.
        """
        result: WebhookPage = self._call('findWebhooks', {'fields': fields, 'limit': limit, 'offset': offset, 'name': name, 'resource': resource, 'event': event, 'callback': callback, 'enabled': enabled}, body=None, files=None, project=project, validate=validate)
        return result

    def get_account(
        self,
        *,
        validate: bool = True,
    ) -> Account:
        """Get account.

        ``GET /me/account`` (operationId ``getAccount``, tag ``me``).
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Account``.
        """
        result: Account = self._call('getAccount', {}, body=None, files=None, project=False, validate=validate)
        return result

    def get_api_credential(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ApiCredential:
        """Get api credential.

        ``GET /me/api/credentials/{id}`` (operationId ``getApiCredential``, tag ``me``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ApiCredential``.
        """
        result: ApiCredential = self._call('getApiCredential', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_billing_plan_usage(
        self,
        *,
        validate: bool = True,
    ) -> BillingPlanUsage:
        """Get billing plan usage.

        ``GET /me/billing/plan-usage`` (operationId ``getBillingPlanUsage``, tag ``me``).
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``BillingPlanUsage``.
        """
        result: BillingPlanUsage = self._call('getBillingPlanUsage', {}, body=None, files=None, project=False, validate=validate)
        return result

    def get_call(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Call:
        """Get call.

        ``GET /calls/{id}`` (operationId ``getCall``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Call``.
        """
        result: Call = self._call('getCall', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_call_broadcast(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallBroadcast:
        """Get call broadcast.

        ``GET /calls/broadcasts/{id}`` (operationId ``getCallBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallBroadcast``.
        """
        result: CallBroadcast = self._call('getCallBroadcast', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_call_broadcast_batches(
        self,
        id: int,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> BatchPage:
        """Get call broadcast batches.

        ``GET /calls/broadcasts/{id}/batches`` (operationId ``getCallBroadcastBatches``, tag ``calls``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``BatchPage``.
        """
        result: BatchPage = self._call('getCallBroadcastBatches', {'id': id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    def get_call_broadcast_calls(
        self,
        id: int,
        *,
        batch_id: int | None = None,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallPage:
        """Get call broadcast calls.

        ``GET /calls/broadcasts/{id}/calls`` (operationId ``getCallBroadcastCalls``, tag ``calls``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            batch_id (``batchId``): integer (int64); query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallPage``.
        """
        result: CallPage = self._call('getCallBroadcastCalls', {'id': id, 'batchId': batch_id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    def get_call_broadcast_stats(
        self,
        id: int,
        *,
        fields: str | None = None,
        begin: int | None = None,
        end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallBroadcastStats:
        """Get call broadcast stats.

        ``GET /calls/broadcasts/{id}/stats`` (operationId ``getCallBroadcastStats``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            begin: integer (int64); query.
            end: integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallBroadcastStats``.
        """
        result: CallBroadcastStats = self._call('getCallBroadcastStats', {'id': id, 'fields': fields, 'begin': begin, 'end': end}, body=None, files=None, project=project, validate=validate)
        return result

    def get_call_recording(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallRecording:
        """Get call recording.

        ``GET /calls/recordings/{id}`` (operationId ``getCallRecording``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallRecording``.
        """
        result: CallRecording = self._call('getCallRecording', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_call_recording_by_name(
        self,
        id: int,
        name: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallRecording:
        """Get call recording by name.

        ``GET /calls/{id}/recordings/{name}`` (operationId ``getCallRecordingByName``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            name: string; path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallRecording``.
        """
        result: CallRecording = self._call('getCallRecordingByName', {'id': id, 'name': name, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_call_recording_mp3(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get call recording mp3.

        ``GET /calls/recordings/{id}.mp3`` (operationId ``getCallRecordingMp3``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = self._call('getCallRecordingMp3', {'id': id}, body=None, files=None, project=False, validate=validate)
        return result

    def get_call_recording_mp3_by_name(
        self,
        id: int,
        name: str,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get call recording mp3 by name.

        ``GET /calls/{id}/recordings/{name}.mp3`` (operationId ``getCallRecordingMp3ByName``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            name: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = self._call('getCallRecordingMp3ByName', {'id': id, 'name': name}, body=None, files=None, project=False, validate=validate)
        return result

    def get_call_recordings(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallRecordingList:
        """Get call recordings.

        ``GET /calls/{id}/recordings`` (operationId ``getCallRecordings``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallRecordingList``.
        """
        result: CallRecordingList = self._call('getCallRecordings', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_caller_ids(
        self,
        *,
        validate: bool = True,
    ) -> CallerIdList:
        """Get caller ids.

        ``GET /me/callerids`` (operationId ``getCallerIds``, tag ``me``).
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallerIdList``.
        """
        result: CallerIdList = self._call('getCallerIds', {}, body=None, files=None, project=False, validate=validate)
        return result

    def get_campaign_batch(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Batch:
        """Get campaign batch.

        ``GET /campaigns/batches/{id}`` (operationId ``getCampaignBatch``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Batch``.
        """
        result: Batch = self._call('getCampaignBatch', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_campaign_sound(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSound:
        """Get campaign sound.

        ``GET /campaigns/sounds/{id}`` (operationId ``getCampaignSound``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSound``.
        """
        result: CampaignSound = self._call('getCampaignSound', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_campaign_sound_data_mp3(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get campaign sound data mp3.

        ``GET /campaigns/sounds/{id}.mp3`` (operationId ``getCampaignSoundDataMp3``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = self._call('getCampaignSoundDataMp3', {'id': id}, body=None, files=None, project=False, validate=validate)
        return result

    def get_campaign_sound_data_wav(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get campaign sound data wav.

        ``GET /campaigns/sounds/{id}.wav`` (operationId ``getCampaignSoundDataWav``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = self._call('getCampaignSoundDataWav', {'id': id}, body=None, files=None, project=False, validate=validate)
        return result

    def get_contact(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Contact:
        """Get contact.

        ``GET /contacts/{id}`` (operationId ``getContact``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Contact``.
        """
        result: Contact = self._call('getContact', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_contact_history(
        self,
        id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactHistory:
        """Get contact history.

        ``GET /contacts/{id}/history`` (operationId ``getContactHistory``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            limit: integer (int32); query.
            offset: integer (int32); query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactHistory``.
        """
        result: ContactHistory = self._call('getContactHistory', {'id': id, 'limit': limit, 'offset': offset, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_contact_list(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactList:
        """Get contact list.

        ``GET /contacts/lists/{id}`` (operationId ``getContactList``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactList``.
        """
        result: ContactList = self._call('getContactList', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_contact_list_items(
        self,
        id: int,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactPage:
        """Get contact list items.

        ``GET /contacts/lists/{id}/items`` (operationId ``getContactListItems``, tag ``contacts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query.
            offset: integer (int32); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactPage``.
        """
        result: ContactPage = self._call('getContactListItems', {'id': id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    def get_credit_usage(
        self,
        *,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        validate: bool = True,
    ) -> CreditUsage:
        """Get credit usage.

        ``GET /me/billing/credit-usage`` (operationId ``getCreditUsage``, tag ``me``).

        Args:
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CreditUsage``.
        """
        result: CreditUsage = self._call('getCreditUsage', {'intervalBegin': interval_begin, 'intervalEnd': interval_end}, body=None, files=None, project=False, validate=validate)
        return result

    def get_delivery_reports(
        self,
        *,
        start_date: str | None = None,
        end_date: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        campaign_id: int | None = None,
        from_number: str | None = None,
        to_number: str | None = None,
        delivery_category: Literal['NO_DATA', 'OPTED_OUT', 'BOUNCED', 'NO_CREDITS', 'DELIVERED'] | None = None,
        delivery_state: Literal['DELIVERED', 'UNSENT_OPTED_OUT_GLOBAL', 'UNSENT_OPTED_OUT_LOCAL', 'UNSENT_NO_CREDITS', 'GATEWAY_REJECTED', 'CARRIER_REJECTED', 'NOT_DELIVERED', 'UNSENT_BAD_DATA', 'UNSENT_NO_WIRELESS_CARRIER', 'UNSENT_MESSAGE_TOO_LONG', 'UNSENT_MESSAGE_BLOCKED', 'UNSENT_QUEUE_LIMIT_REACHED', 'SPAM_DETECTED', 'ORIGINATED', 'SUBMITTED', 'FORWARDED', 'NOT_GIVEN', 'UNKNOWN', 'RETRY_MMS_AS_SMS', 'QUEUED', 'QUEUED_TRANSCODE', 'ORIGINAL', 'DUPE', 'TRUNCATED', 'REQUEUED_RATE_LIMITED', 'BUFFERED', 'RATE_LIMIT_EXCEEDED', 'SERVICE_UNAVAILABLE', 'SEND_MMS_AS_SMS', 'REQUEUED_RECOVERABLE_ERROR', 'SEND_WITH_ADDITIONAL_SPID'] | None = None,
        carrier: str | None = None,
        message_text: str | None = None,
        validate: bool = True,
    ) -> PageDeliveryReport:
        """Get delivery reports.

        ``GET /reports/delivery`` (operationId ``getDeliveryReports``, tag ``reports``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            start_date (``startDate``): string; query.
            end_date (``endDate``): string; query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            campaign_id (``campaignId``): integer (int64); query.
            from_number (``fromNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            to_number (``toNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            delivery_category (``deliveryCategory``): string; query; one of NO_DATA, OPTED_OUT, BOUNCED, NO_CREDITS, DELIVERED.
            delivery_state (``deliveryState``): string; query; one of DELIVERED, UNSENT_OPTED_OUT_GLOBAL, UNSENT_OPTED_OUT_LOCAL, UNSENT_NO_CREDITS, GATEWAY_REJECTED, CARRIER_REJECTED, NOT_DELIVERED, UNSENT_BAD_DATA, UNSENT_NO_WIRELESS_CARRIER, UNSENT_MESSAGE_TOO_LONG, UNSENT_MESSAGE_BLOCKED, UNSENT_QUEUE_LIMIT_REACHED, SPAM_DETECTED, ORIGINATED, SUBMITTED, FORWARDED, NOT_GIVEN, UNKNOWN, RETRY_MMS_AS_SMS, QUEUED, QUEUED_TRANSCODE, ORIGINAL, DUPE, TRUNCATED, REQUEUED_RATE_LIMITED, BUFFERED, RATE_LIMIT_EXCEEDED, SERVICE_UNAVAILABLE, SEND_MMS_AS_SMS, REQUEUED_RECOVERABLE_ERROR, SEND_WITH_ADDITIONAL_SPID.
            carrier: string; query.
            message_text (``messageText``): string; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``PageDeliveryReport``.
        """
        result: PageDeliveryReport = self._call('getDeliveryReports', {'startDate': start_date, 'endDate': end_date, 'limit': limit, 'offset': offset, 'campaignId': campaign_id, 'fromNumber': from_number, 'toNumber': to_number, 'deliveryCategory': delivery_category, 'deliveryState': delivery_state, 'carrier': carrier, 'messageText': message_text}, body=None, files=None, project=False, validate=validate)
        return result

    def get_do_not_contact(
        self,
        number: str,
        *,
        validate: bool = True,
    ) -> DoNotContact:
        """Get do not contact.

        ``GET /contacts/dncs/{number}`` (operationId ``getDoNotContact``, tag ``contacts``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``DoNotContact``.
        """
        result: DoNotContact = self._call('getDoNotContact', {'number': number}, body=None, files=None, project=False, validate=validate)
        return result

    def get_keyword_lease(
        self,
        keyword: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> KeywordLease:
        """Get keyword lease.

        ``GET /keywords/leases/{keyword}`` (operationId ``getKeywordLease``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordLease``.
        """
        result: KeywordLease = self._call('getKeywordLease', {'keyword': keyword, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_keyword_lease_by_id(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> KeywordLease:
        """Get keyword lease by id.

        ``GET /keywords/leases/id/{id}`` (operationId ``getKeywordLeaseById``, tag ``keywords``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordLease``.
        """
        result: KeywordLease = self._call('getKeywordLeaseById', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_keyword_lease_config(
        self,
        keyword: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> KeywordConfig:
        """Get keyword lease config.

        ``GET /keywords/leases/configs/{keyword}`` (operationId ``getKeywordLeaseConfig``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordConfig``.
        """
        result: KeywordConfig = self._call('getKeywordLeaseConfig', {'keyword': keyword, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_media(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Media:
        """Get media.

        ``GET /media/{id}`` (operationId ``getMedia``, tag ``media``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Media``.
        """
        result: Media = self._call('getMedia', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_media_data(
        self,
        id: int,
        extension: str,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get media data.

        ``GET /media/{id}.{extension}`` (operationId ``getMediaData``, tag ``media``).

        Args:
            id: integer (int64); path; required.
            extension: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = self._call('getMediaData', {'id': id, 'extension': extension}, body=None, files=None, project=False, validate=validate)
        return result

    def get_media_data_binary(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get media data binary.

        ``GET /media/{id}/file`` (operationId ``getMediaDataBinary``, tag ``media``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = self._call('getMediaDataBinary', {'id': id}, body=None, files=None, project=False, validate=validate)
        return result

    def get_media_data_by_key(
        self,
        key: str,
        extension: str,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get media data by key.

        ``GET /media/public/{key}.{extension}`` (operationId ``getMediaDataByKey``, tag ``media``).

        Args:
            key: string; path; required.
            extension: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = self._call('getMediaDataByKey', {'key': key, 'extension': extension}, body=None, files=None, project=False, validate=validate)
        return result

    def get_number_lease(
        self,
        number: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberLease:
        """Get number lease.

        ``GET /numbers/leases/{number}`` (operationId ``getNumberLease``, tag ``numbers``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberLease``.
        """
        result: NumberLease = self._call('getNumberLease', {'number': number, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_number_lease_config(
        self,
        number: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberConfig:
        """Get number lease config.

        ``GET /numbers/leases/configs/{number}`` (operationId ``getNumberLeaseConfig``, tag ``numbers``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberConfig``.
        """
        result: NumberConfig = self._call('getNumberLeaseConfig', {'number': number, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_order(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberOrder:
        """Get order.

        ``GET /orders/{id}`` (operationId ``getOrder``, tag ``orders``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberOrder``.
        """
        result: NumberOrder = self._call('getOrder', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_text(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Text:
        """Get text.

        ``GET /texts/{id}`` (operationId ``getText``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Text``.
        """
        result: Text = self._call('getText', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_text_auto_reply(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextAutoReply:
        """Get text auto reply.

        ``GET /texts/auto-replys/{id}`` (operationId ``getTextAutoReply``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextAutoReply``.
        """
        result: TextAutoReply = self._call('getTextAutoReply', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_text_broadcast(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextBroadcast:
        """Get text broadcast.

        ``GET /texts/broadcasts/{id}`` (operationId ``getTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextBroadcast``.
        """
        result: TextBroadcast = self._call('getTextBroadcast', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_text_broadcast_batches(
        self,
        id: int,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> BatchPage:
        """Get text broadcast batches.

        ``GET /texts/broadcasts/{id}/batches`` (operationId ``getTextBroadcastBatches``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``BatchPage``.
        """
        result: BatchPage = self._call('getTextBroadcastBatches', {'id': id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    def get_text_broadcast_stats(
        self,
        id: int,
        *,
        fields: str | None = None,
        begin: int | None = None,
        end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextBroadcastStatsDto:
        """Get text broadcast stats.

        ``GET /texts/broadcasts/{id}/stats`` (operationId ``getTextBroadcastStats``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            begin: integer (int64); query.
            end: integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextBroadcastStatsDto``.
        """
        result: TextBroadcastStatsDto = self._call('getTextBroadcastStats', {'id': id, 'fields': fields, 'begin': begin, 'end': end}, body=None, files=None, project=project, validate=validate)
        return result

    def get_text_broadcast_texts(
        self,
        id: int,
        *,
        batch_id: int | None = None,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextPage:
        """Get text broadcast texts.

        ``GET /texts/broadcasts/{id}/texts`` (operationId ``getTextBroadcastTexts``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            batch_id (``batchId``): integer (int64); query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextPage``.
        """
        result: TextPage = self._call('getTextBroadcastTexts', {'id': id, 'batchId': batch_id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    def get_universal_do_not_contacts(
        self,
        to_number: str,
        *,
        from_number: str | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ItemListUniversalDoNotContact:
        """Get universal do not contacts.

        ``GET /contacts/dncs/universals/{toNumber}`` (operationId ``getUniversalDoNotContacts``, tag ``contacts``).

        Args:
            to_number (``toNumber``): a phone number, digits only (E.164 with country code, or a short code); path; required.
            from_number (``fromNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ItemListUniversalDoNotContact``.
        """
        result: ItemListUniversalDoNotContact = self._call('getUniversalDoNotContacts', {'toNumber': to_number, 'fromNumber': from_number, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_webhook(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Webhook:
        """Get webhook.

        ``GET /webhooks/{id}`` (operationId ``getWebhook``, tag ``webhooks``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Webhook``.
        """
        result: Webhook = self._call('getWebhook', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def get_webhook_resource(
        self,
        resource: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> WebhookResource:
        """Get webhook resource.

        ``GET /webhooks/resources/{resource}`` (operationId ``getWebhookResource``, tag ``webhooks``).

        Args:
            resource: string; path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``WebhookResource``.
        """
        result: WebhookResource = self._call('getWebhookResource', {'resource': resource, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    def is_keyword_available(
        self,
        keyword: str,
        *,
        validate: bool = True,
    ) -> bool:
        """Is keyword available.

        ``GET /keywords/{keyword}/available`` (operationId ``isKeywordAvailable``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            The boolean the API answers with.
        """
        result: bool = self._call('isKeywordAvailable', {'keyword': keyword}, body=None, files=None, project=False, validate=validate)
        return result

    def order_keywords(
        self,
        body: KeywordPurchaseRequest | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ResourceId:
        """Order keywords.

        ``POST /orders/keywords`` (operationId ``orderKeywords``, tag ``orders``).

        Args:
            body: KeywordPurchaseRequest object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('orderKeywords', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    def order_numbers(
        self,
        body: NumberPurchaseRequest | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ResourceId:
        """Order numbers.

        ``POST /orders/numbers`` (operationId ``orderNumbers``, tag ``orders``).

        Args:
            body: NumberPurchaseRequest object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = self._call('orderNumbers', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    def post_call_campaign_sound(
        self,
        body: CallCreateSound | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSound:
        """Post call campaign sound.

        ``POST /campaigns/sounds/calls`` (operationId ``postCallCampaignSound``, tag ``campaigns``).

        Args:
            body: CallCreateSound object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSound``.
        """
        result: CampaignSound = self._call('postCallCampaignSound', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    def post_file_campaign_sound(
        self,
        file: FileInput,
        *,
        fields: str | None = None,
        name: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSound:
        """Post file campaign sound.

        ``POST /campaigns/sounds/files`` (operationId ``postFileCampaignSound``, tag ``campaigns``).

        Args:
            file: file; form field; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            name: string; form field.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSound``.
        """
        result: CampaignSound = self._call('postFileCampaignSound', {'fields': fields, 'name': name}, body=None, files={'file': file}, project=project, validate=validate)
        return result

    def post_tts_campaign_sound(
        self,
        body: TextToSpeech | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSound:
        """Post tts campaign sound.

        ``POST /campaigns/sounds/tts`` (operationId ``postTTSCampaignSound``, tag ``campaigns``).

        Args:
            body: TextToSpeech object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSound``.
        """
        result: CampaignSound = self._call('postTTSCampaignSound', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    def remove_contact_list_item(
        self,
        id: int,
        contact_id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Remove contact list item.

        ``DELETE /contacts/lists/{id}/items/{contactId}`` (operationId ``removeContactListItem``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            contact_id (``contactId``): integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('removeContactListItem', {'id': id, 'contactId': contact_id}, body=None, files=None, project=False, validate=validate)

    def remove_contact_list_items(
        self,
        id: int,
        *,
        contact_id: Sequence[int] | None = None,
        validate: bool = True,
    ) -> None:
        """Remove contact list items.

        ``DELETE /contacts/lists/{id}/items`` (operationId ``removeContactListItems``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            contact_id (``contactId``): array of integer (int64); query; sent as repeated query keys.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('removeContactListItems', {'id': id, 'contactId': contact_id}, body=None, files=None, project=False, validate=validate)

    def send_calls(
        self,
        body: Sequence[CallRecipient] | None = None,
        *,
        fields: str | None = None,
        campaign_id: int | None = None,
        default_live_message: str | None = None,
        default_machine_message: str | None = None,
        default_live_message_sound_id: int | None = None,
        default_machine_message_sound_id: int | None = None,
        default_voice: Literal['MALE1', 'FEMALE1', 'FEMALE2', 'SPANISH1', 'FRENCHCANADIAN1'] | None = None,
        strict_validation: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallList:
        """Send calls.

        ``POST /calls`` (operationId ``sendCalls``, tag ``calls``).

        Args:
            body: array of CallRecipient object; body; at most 10 items.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            campaign_id (``campaignId``): integer (int64); query.
            default_live_message (``defaultLiveMessage``): string; query.
            default_machine_message (``defaultMachineMessage``): string; query.
            default_live_message_sound_id (``defaultLiveMessageSoundId``): integer (int64); query.
            default_machine_message_sound_id (``defaultMachineMessageSoundId``): integer (int64); query.
            default_voice (``defaultVoice``): string; query; one of MALE1, FEMALE1, FEMALE2, SPANISH1, FRENCHCANADIAN1.
            strict_validation (``strictValidation``): boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallList``.
        """
        result: CallList = self._call('sendCalls', {'fields': fields, 'campaignId': campaign_id, 'defaultLiveMessage': default_live_message, 'defaultMachineMessage': default_machine_message, 'defaultLiveMessageSoundId': default_live_message_sound_id, 'defaultMachineMessageSoundId': default_machine_message_sound_id, 'defaultVoice': default_voice, 'strictValidation': strict_validation}, body=body, files=None, project=project, validate=validate)
        return result

    def send_texts(
        self,
        body: Sequence[TextRecipient] | None = None,
        *,
        fields: str | None = None,
        campaign_id: int | None = None,
        default_message: str | None = None,
        strict_validation: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextList:
        """Send texts.

        ``POST /texts`` (operationId ``sendTexts``, tag ``texts``).

        Args:
            body: array of TextRecipient object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            campaign_id (``campaignId``): integer (int64); query.
            default_message (``defaultMessage``): string; query.
            strict_validation (``strictValidation``): boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextList``.
        """
        result: TextList = self._call('sendTexts', {'fields': fields, 'campaignId': campaign_id, 'defaultMessage': default_message, 'strictValidation': strict_validation}, body=body, files=None, project=project, validate=validate)
        return result

    def send_verification_code_to_caller_id(
        self,
        callerid: str,
        *,
        validate: bool = True,
    ) -> None:
        """Send verification code to caller id.

        ``POST /me/callerids/{callerid}`` (operationId ``sendVerificationCodeToCallerId``, tag ``me``).

        Args:
            callerid: a phone number, digits only (E.164 with country code, or a short code); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('sendVerificationCodeToCallerId', {'callerid': callerid}, body=None, files=None, project=False, validate=validate)

    def start_text_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Start text broadcast.

        ``POST /texts/broadcasts/{id}/start`` (operationId ``startTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('startTextBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    def start_voice_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Start voice broadcast.

        ``POST /calls/broadcasts/{id}/start`` (operationId ``startVoiceBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('startVoiceBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    def stop_text_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Stop text broadcast.

        ``POST /texts/broadcasts/{id}/stop`` (operationId ``stopTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('stopTextBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    def stop_voice_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Stop voice broadcast.

        ``POST /calls/broadcasts/{id}/stop`` (operationId ``stopVoiceBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('stopVoiceBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    def toggle_call_broadcast_recipients_status(
        self,
        id: int,
        body: Sequence[Recipient] | None = None,
        *,
        enable: bool | None = None,
        validate: bool = True,
    ) -> None:
        """Toggle call broadcast recipients status.

        ``POST /calls/broadcasts/{id}/toggleRecipientsStatus`` (operationId ``toggleCallBroadcastRecipientsStatus``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            body: array of Recipient object; body.
            enable: boolean; query; API default False.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('toggleCallBroadcastRecipientsStatus', {'id': id, 'enable': enable}, body=body, files=None, project=False, validate=validate)

    def toggle_text_broadcast_recipients_status(
        self,
        id: int,
        body: Sequence[Recipient] | None = None,
        *,
        enable: bool | None = None,
        validate: bool = True,
    ) -> None:
        """Toggle text broadcast recipients status.

        ``POST /texts/broadcasts/{id}/toggleRecipientsStatus`` (operationId ``toggleTextBroadcastRecipientsStatus``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            body: array of Recipient object; body.
            enable: boolean; query; API default False.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('toggleTextBroadcastRecipientsStatus', {'id': id, 'enable': enable}, body=body, files=None, project=False, validate=validate)

    def update_call_broadcast(
        self,
        id: int,
        body: CallBroadcast | None = None,
        *,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> None:
        """Update call broadcast.

        ``PUT /calls/broadcasts/{id}`` (operationId ``updateCallBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            body: CallBroadcast object; body.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateCallBroadcast', {'id': id, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)

    def update_campaign_batch(
        self,
        id: int,
        body: Batch | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update campaign batch.

        ``PUT /campaigns/batches/{id}`` (operationId ``updateCampaignBatch``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            body: Batch object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateCampaignBatch', {'id': id}, body=body, files=None, project=False, validate=validate)

    def update_contact(
        self,
        id: int,
        body: Contact | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update contact.

        ``PUT /contacts/{id}`` (operationId ``updateContact``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            body: Contact object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateContact', {'id': id}, body=body, files=None, project=False, validate=validate)

    def update_contact_list(
        self,
        id: int,
        body: UpdateContactListRequest | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update contact list.

        ``PUT /contacts/lists/{id}`` (operationId ``updateContactList``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            body: UpdateContactListRequest object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateContactList', {'id': id}, body=body, files=None, project=False, validate=validate)

    def update_do_not_contact(
        self,
        number: str,
        body: DoNotContact | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update do not contact.

        ``PUT /contacts/dncs/{number}`` (operationId ``updateDoNotContact``, tag ``contacts``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            body: DoNotContact object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateDoNotContact', {'number': number}, body=body, files=None, project=False, validate=validate)

    def update_keyword_lease(
        self,
        keyword: str,
        body: KeywordLease | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update keyword lease.

        ``PUT /keywords/leases/{keyword}`` (operationId ``updateKeywordLease``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            body: KeywordLease object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateKeywordLease', {'keyword': keyword}, body=body, files=None, project=False, validate=validate)

    def update_keyword_lease_config(
        self,
        keyword: str,
        body: KeywordConfig | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update keyword lease config.

        ``PUT /keywords/leases/configs/{keyword}`` (operationId ``updateKeywordLeaseConfig``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            body: KeywordConfig object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateKeywordLeaseConfig', {'keyword': keyword}, body=body, files=None, project=False, validate=validate)

    def update_number_lease(
        self,
        number: str,
        body: NumberLease | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update number lease.

        ``PUT /numbers/leases/{number}`` (operationId ``updateNumberLease``, tag ``numbers``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            body: NumberLease object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateNumberLease', {'number': number}, body=body, files=None, project=False, validate=validate)

    def update_number_lease_config(
        self,
        number: str,
        body: NumberConfig | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update number lease config.

        ``PUT /numbers/leases/configs/{number}`` (operationId ``updateNumberLeaseConfig``, tag ``numbers``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            body: NumberConfig object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateNumberLeaseConfig', {'number': number}, body=body, files=None, project=False, validate=validate)

    def update_text_broadcast(
        self,
        id: int,
        body: TextBroadcast | None = None,
        *,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> TextBroadcastCreateResponse:
        """Update text broadcast.

        ``PUT /texts/broadcasts/{id}`` (operationId ``updateTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            body: TextBroadcast object; body.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextBroadcastCreateResponse``.
        """
        result: TextBroadcastCreateResponse = self._call('updateTextBroadcast', {'id': id, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    def update_webhook(
        self,
        id: int,
        body: Webhook | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update webhook.

        ``PUT /webhooks/{id}`` (operationId ``updateWebhook``, tag ``webhooks``).

        Args:
            id: integer (int64); path; required.
            body: Webhook object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        self._call('updateWebhook', {'id': id}, body=body, files=None, project=False, validate=validate)

    def verify_caller_id(
        self,
        callerid: str,
        body: CallerIdVerificationRequest | None = None,
        *,
        validate: bool = True,
    ) -> bool:
        """Verify caller id.

        ``POST /me/callerids/{callerid}/verification-code`` (operationId ``verifyCallerId``, tag ``me``).

        Args:
            callerid: a phone number, digits only (E.164 with country code, or a short code); path; required.
            body: CallerIdVerificationRequest object; body.
            validate: check the request before sending it (default).

        Returns:
            The boolean the API answers with.
        """
        result: bool = self._call('verifyCallerId', {'callerid': callerid}, body=body, files=None, project=False, validate=validate)
        return result


class AsyncOperations:
    """One named coroutine method, for ``AsyncClient``, per operation of the table."""

    __slots__ = ()

    async def _call(
        self,
        operation_id: str,
        params: Mapping[str, Any],
        *,
        body: Any,
        files: Mapping[str, FileInput] | None,
        project: bool,
        validate: bool,
    ) -> Any:
        raise NotImplementedError

    async def add_call_broadcast_batch(
        self,
        id: int,
        body: BatchRequest | None = None,
        *,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Add call broadcast batch.

        ``POST /calls/broadcasts/{id}/batches`` (operationId ``addCallBroadcastBatch``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            body: BatchRequest object; body.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('addCallBroadcastBatch', {'id': id, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    async def add_call_broadcast_recipients(
        self,
        id: int,
        body: Sequence[Recipient] | None = None,
        *,
        fields: str | None = None,
        strict_validation: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallList:
        """Add call broadcast recipients.

        ``POST /calls/broadcasts/{id}/recipients`` (operationId ``addCallBroadcastRecipients``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            body: array of Recipient object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            strict_validation (``strictValidation``): boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallList``.
        """
        result: CallList = await self._call('addCallBroadcastRecipients', {'id': id, 'fields': fields, 'strictValidation': strict_validation}, body=body, files=None, project=project, validate=validate)
        return result

    async def add_contact_list_items(
        self,
        id: int,
        body: AddContactListContactsRequest | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Add contact list items.

        ``POST /contacts/lists/{id}/items`` (operationId ``addContactListItems``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            body: AddContactListContactsRequest object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('addContactListItems', {'id': id}, body=body, files=None, project=False, validate=validate)

    async def add_do_not_contacts(
        self,
        body: AddDoNotContactRequest | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Add do not contacts.

        ``POST /contacts/dncs`` (operationId ``addDoNotContacts``, tag ``contacts``).

        Args:
            body: AddDoNotContactRequest object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('addDoNotContacts', {}, body=body, files=None, project=False, validate=validate)

    async def add_text_broadcast_batch(
        self,
        id: int,
        body: BatchRequest | None = None,
        *,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Add text broadcast batch.

        ``POST /texts/broadcasts/{id}/batches`` (operationId ``addTextBroadcastBatch``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            body: BatchRequest object; body.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('addTextBroadcastBatch', {'id': id, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    async def add_text_broadcast_recipients(
        self,
        id: int,
        body: Sequence[TextRecipient] | None = None,
        *,
        fields: str | None = None,
        strict_validation: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextList:
        """Add text broadcast recipients.

        ``POST /texts/broadcasts/{id}/recipients`` (operationId ``addTextBroadcastRecipients``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            body: array of TextRecipient object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            strict_validation (``strictValidation``): boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextList``.
        """
        result: TextList = await self._call('addTextBroadcastRecipients', {'id': id, 'fields': fields, 'strictValidation': strict_validation}, body=body, files=None, project=project, validate=validate)
        return result

    async def archive_text_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Archive text broadcast.

        ``POST /texts/broadcasts/{id}/archive`` (operationId ``archiveTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('archiveTextBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def archive_voice_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Archive voice broadcast.

        ``POST /calls/broadcasts/{id}/archive`` (operationId ``archiveVoiceBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('archiveVoiceBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def create_api_credential(
        self,
        body: ApiCredential | None = None,
        *,
        validate: bool = True,
    ) -> ApiCredential:
        """Create api credential.

        ``POST /me/api/credentials`` (operationId ``createApiCredential``, tag ``me``).

        Args:
            body: ApiCredential object; body.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ApiCredential``.
        """
        result: ApiCredential = await self._call('createApiCredential', {}, body=body, files=None, project=False, validate=validate)
        return result

    async def create_call_broadcast(
        self,
        body: CallBroadcast | None = None,
        *,
        start: bool | None = None,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Create call broadcast.

        ``POST /calls/broadcasts`` (operationId ``createCallBroadcast``, tag ``calls``).

        Args:
            body: CallBroadcast object; body.
            start: boolean; query.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('createCallBroadcast', {'start': start, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    async def create_contact_list(
        self,
        body: CreateContactListRequest | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactList:
        """Create contact list.

        ``POST /contacts/lists`` (operationId ``createContactList``, tag ``contacts``).

        Args:
            body: CreateContactListRequest object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactList``.
        """
        result: ContactList = await self._call('createContactList', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    async def create_contact_list_from_file(
        self,
        file: FileInput,
        *,
        name: str | None = None,
        use_custom_fields: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Create contact list from file.

        ``POST /contacts/lists/upload`` (operationId ``createContactListFromFile``, tag ``contacts``).

        Args:
            file: file; form field; required.
            name: string; form field.
            use_custom_fields (``useCustomFields``): boolean; form field.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('createContactListFromFile', {'name': name, 'useCustomFields': use_custom_fields}, body=None, files={'file': file}, project=False, validate=validate)
        return result

    async def create_contacts(
        self,
        body: Sequence[Contact] | None = None,
        *,
        validate: bool = True,
    ) -> ResourceIdList:
        """Create contacts.

        ``POST /contacts`` (operationId ``createContacts``, tag ``contacts``).

        Args:
            body: array of Contact object; body.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceIdList``.
        """
        result: ResourceIdList = await self._call('createContacts', {}, body=body, files=None, project=False, validate=validate)
        return result

    async def create_media(
        self,
        file: FileInput,
        *,
        name: str | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Create media.

        ``POST /media`` (operationId ``createMedia``, tag ``media``).

        Args:
            file: file; form field; required.
            name: string; form field.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('createMedia', {'name': name}, body=None, files={'file': file}, project=False, validate=validate)
        return result

    async def create_text_auto_reply(
        self,
        body: TextAutoReply | None = None,
        *,
        validate: bool = True,
    ) -> ResourceId:
        """Create text auto reply.

        ``POST /texts/auto-replys`` (operationId ``createTextAutoReply``, tag ``texts``).

        Args:
            body: TextAutoReply object; body.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('createTextAutoReply', {}, body=body, files=None, project=False, validate=validate)
        return result

    async def create_text_broadcast(
        self,
        body: TextBroadcast | None = None,
        *,
        start: bool | None = None,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> ResourceId:
        """Create text broadcast.

        ``POST /texts/broadcasts`` (operationId ``createTextBroadcast``, tag ``texts``).

        Args:
            body: TextBroadcast object; body.
            start: boolean; query.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('createTextBroadcast', {'start': start, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    async def create_webhook(
        self,
        body: Webhook | None = None,
        *,
        validate: bool = True,
    ) -> ResourceId:
        """Create webhook.

        ``POST /webhooks`` (operationId ``createWebhook``, tag ``webhooks``).

        Args:
            body: Webhook object; body.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('createWebhook', {}, body=body, files=None, project=False, validate=validate)
        return result

    async def delete_api_credential(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete api credential.

        ``DELETE /me/api/credentials/{id}`` (operationId ``deleteApiCredential``, tag ``me``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('deleteApiCredential', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def delete_campaign_sound(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete campaign sound.

        ``DELETE /campaigns/sounds/{id}`` (operationId ``deleteCampaignSound``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('deleteCampaignSound', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def delete_contact(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete contact.

        ``DELETE /contacts/{id}`` (operationId ``deleteContact``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('deleteContact', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def delete_contact_list(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete contact list.

        ``DELETE /contacts/lists/{id}`` (operationId ``deleteContactList``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('deleteContactList', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def delete_do_not_contact(
        self,
        number: str | Sequence[str],
        *,
        validate: bool = True,
    ) -> None:
        """Delete do not contact.

        ``DELETE /contacts/dncs/{number}`` (operationId ``deleteDoNotContact``, tag ``contacts``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required; several values joined by ',' (a list is joined).
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('deleteDoNotContact', {'number': number}, body=None, files=None, project=False, validate=validate)

    async def delete_do_not_contacts_by_source(
        self,
        source: str,
        *,
        validate: bool = True,
    ) -> None:
        """Delete do not contacts by source.

        ``DELETE /contacts/dncs/sources/{source}`` (operationId ``deleteDoNotContactsBySource``, tag ``contacts``).

        Args:
            source: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('deleteDoNotContactsBySource', {'source': source}, body=None, files=None, project=False, validate=validate)

    async def delete_text_auto_reply(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete text auto reply.

        ``DELETE /texts/auto-replys/{id}`` (operationId ``deleteTextAutoReply``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('deleteTextAutoReply', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def delete_webhook(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Delete webhook.

        ``DELETE /webhooks/{id}`` (operationId ``deleteWebhook``, tag ``webhooks``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('deleteWebhook', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def disable_api_credentials(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Disable api credentials.

        ``POST /me/api/credentials/{id}/disable`` (operationId ``disableApiCredentials``, tag ``me``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('disableApiCredentials', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def enable_api_credentials(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Enable api credentials.

        ``POST /me/api/credentials/{id}/enable`` (operationId ``enableApiCredentials``, tag ``me``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('enableApiCredentials', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def find_api_credentials(
        self,
        *,
        name: str | None = None,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ApiCredentialPage:
        """Find api credentials.

        ``GET /me/api/credentials`` (operationId ``findApiCredentials``, tag ``me``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            name: string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ApiCredentialPage``.
        """
        result: ApiCredentialPage = await self._call('findApiCredentials', {'name': name, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_call_broadcasts(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        label: str | None = None,
        name: str | None = None,
        running: bool | None = None,
        scheduled: bool | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallBroadcastPage:
        """Find call broadcasts.

        ``GET /calls/broadcasts`` (operationId ``findCallBroadcasts``, tag ``calls``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 10.
            offset: integer (int32); query; API default 0.
            label: string; query.
            name: string; query.
            running: boolean; query.
            scheduled: boolean; query.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallBroadcastPage``.
        """
        result: CallBroadcastPage = await self._call('findCallBroadcasts', {'fields': fields, 'limit': limit, 'offset': offset, 'label': label, 'name': name, 'running': running, 'scheduled': scheduled, 'intervalBegin': interval_begin, 'intervalEnd': interval_end}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_calls(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        id: Sequence[int] | None = None,
        campaign_id: int | None = None,
        batch_id: int | None = None,
        from_number: str | None = None,
        to_number: str | None = None,
        label: str | None = None,
        states: Literal['READY', 'SELECTED', 'CALLBACK', 'FINISHED', 'DISABLED', 'SKIPPED', 'DNC', 'DUP', 'INVALID', 'TIMEOUT', 'PERIOD_LIMIT'] | Sequence[Literal['READY', 'SELECTED', 'CALLBACK', 'FINISHED', 'DISABLED', 'SKIPPED', 'DNC', 'DUP', 'INVALID', 'TIMEOUT', 'PERIOD_LIMIT']] | str | None = None,
        results: Literal['LA', 'AM', 'BUSY', 'DNC', 'XFER', 'NO_ANS', 'XFER_LEG', 'INTERNAL_ERROR', 'CARRIER_ERROR', 'CARRIER_TEMP_ERROR', 'UNDIALED', 'SD', 'POSTPONED', 'ABANDONED', 'SKIPPED', 'SENT', 'RECEIVED', 'DNT', 'TOO_BIG'] | Sequence[Literal['LA', 'AM', 'BUSY', 'DNC', 'XFER', 'NO_ANS', 'XFER_LEG', 'INTERNAL_ERROR', 'CARRIER_ERROR', 'CARRIER_TEMP_ERROR', 'UNDIALED', 'SD', 'POSTPONED', 'ABANDONED', 'SKIPPED', 'SENT', 'RECEIVED', 'DNT', 'TOO_BIG']] | str | None = None,
        inbound: bool | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallPage:
        """Find calls.

        ``GET /calls`` (operationId ``findCalls``, tag ``calls``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            id: array of integer (int64); query; sent as repeated query keys.
            campaign_id (``campaignId``): integer (int64); query.
            batch_id (``batchId``): integer (int64); query.
            from_number (``fromNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            to_number (``toNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            label: string; query.
            states: string; query; one of READY, SELECTED, CALLBACK, FINISHED, DISABLED, SKIPPED, DNC, DUP, INVALID, TIMEOUT, PERIOD_LIMIT; several values joined by ',' (a list is joined).
            results: string; query; one of LA, AM, BUSY, DNC, XFER, NO_ANS, XFER_LEG, INTERNAL_ERROR, CARRIER_ERROR, CARRIER_TEMP_ERROR, UNDIALED, SD, POSTPONED, ABANDONED, SKIPPED, SENT, RECEIVED, DNT, TOO_BIG; several values joined by ',' (a list is joined).
            inbound: boolean; query.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallPage``.
        """
        result: CallPage = await self._call('findCalls', {'fields': fields, 'limit': limit, 'offset': offset, 'id': id, 'campaignId': campaign_id, 'batchId': batch_id, 'fromNumber': from_number, 'toNumber': to_number, 'label': label, 'states': states, 'results': results, 'inbound': inbound, 'intervalBegin': interval_begin, 'intervalEnd': interval_end}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_campaign_sounds(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        filter: str | None = None,
        include_archived: bool | None = None,
        include_pending: bool | None = None,
        include_scrubbed: bool | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSoundPage:
        """Find campaign sounds.

        ``GET /campaigns/sounds`` (operationId ``findCampaignSounds``, tag ``campaigns``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            filter: string; query.
            include_archived (``includeArchived``): boolean; query.
            include_pending (``includePending``): boolean; query.
            include_scrubbed (``includeScrubbed``): boolean; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSoundPage``.
        """
        result: CampaignSoundPage = await self._call('findCampaignSounds', {'limit': limit, 'offset': offset, 'filter': filter, 'includeArchived': include_archived, 'includePending': include_pending, 'includeScrubbed': include_scrubbed, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_contact_lists(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        name: str | None = None,
        contact_count: int | None = None,
        order_by: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactListPage:
        """Find contact lists.

        ``GET /contacts/lists`` (operationId ``findContactLists``, tag ``contacts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            name: string; query.
            contact_count (``contactCount``): integer (int32); query.
            order_by (``orderBy``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactListPage``.
        """
        result: ContactListPage = await self._call('findContactLists', {'fields': fields, 'limit': limit, 'offset': offset, 'name': name, 'contactCount': contact_count, 'orderBy': order_by}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_contacts(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        id: Sequence[int] | None = None,
        number: Sequence[str] | None = None,
        contact_list_id: int | None = None,
        property_name: str | None = None,
        property_value: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactPage:
        """Find contacts.

        ``GET /contacts`` (operationId ``findContacts``, tag ``contacts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            id: array of integer (int64); query; sent as repeated query keys.
            number: array of string (phone); query; sent as repeated query keys.
            contact_list_id (``contactListId``): integer (int64); query.
            property_name (``propertyName``): string; query.
            property_value (``propertyValue``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactPage``.
        """
        result: ContactPage = await self._call('findContacts', {'fields': fields, 'limit': limit, 'offset': offset, 'id': id, 'number': number, 'contactListId': contact_list_id, 'propertyName': property_name, 'propertyValue': property_value}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_do_not_contacts(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        prefix: str | None = None,
        campaign_id: int | None = None,
        source: str | None = None,
        call: bool | None = None,
        text: bool | None = None,
        inbound_call: bool | None = None,
        inbound_text: bool | None = None,
        number: Sequence[str] | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> DoNotContactPage:
        """Find do not contacts.

        ``GET /contacts/dncs`` (operationId ``findDoNotContacts``, tag ``contacts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            prefix: string; query.
            campaign_id (``campaignId``): integer (int64); query.
            source: string; query.
            call: boolean; query.
            text: boolean; query.
            inbound_call (``inboundCall``): boolean; query.
            inbound_text (``inboundText``): boolean; query.
            number: array of string (phone); query; sent as repeated query keys.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``DoNotContactPage``.
        """
        result: DoNotContactPage = await self._call('findDoNotContacts', {'fields': fields, 'limit': limit, 'offset': offset, 'prefix': prefix, 'campaignId': campaign_id, 'source': source, 'call': call, 'text': text, 'inboundCall': inbound_call, 'inboundText': inbound_text, 'number': number}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_keyword_lease_configs(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        filter: str | None = None,
        label_name: str | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Page:
        """Find keyword lease configs.

        ``GET /keywords/leases/configs`` (operationId ``findKeywordLeaseConfigs``, tag ``keywords``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 20.
            offset: integer (int32); query; API default 0.
            filter: string; query.
            label_name (``labelName``): string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Page``.
        """
        result: Page = await self._call('findKeywordLeaseConfigs', {'limit': limit, 'offset': offset, 'filter': filter, 'labelName': label_name, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_keyword_leases(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        filter: str | None = None,
        label_name: str | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> KeywordLeasePage:
        """Find keyword leases.

        ``GET /keywords/leases`` (operationId ``findKeywordLeases``, tag ``keywords``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            filter: string; query.
            label_name (``labelName``): string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordLeasePage``.
        """
        result: KeywordLeasePage = await self._call('findKeywordLeases', {'limit': limit, 'offset': offset, 'filter': filter, 'labelName': label_name, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_keywords(
        self,
        *,
        keywords: Sequence[str] | None = None,
        validate: bool = True,
    ) -> KeywordList:
        """Find keywords.

        ``GET /keywords`` (operationId ``findKeywords``, tag ``keywords``).

        Args:
            keywords: array of string; query; sent as repeated query keys.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordList``.
        """
        result: KeywordList = await self._call('findKeywords', {'keywords': keywords}, body=None, files=None, project=False, validate=validate)
        return result

    async def find_media(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        filter: str | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> MediaPage:
        """Find media.

        ``GET /media`` (operationId ``findMedia``, tag ``media``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            filter: string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``MediaPage``.
        """
        result: MediaPage = await self._call('findMedia', {'limit': limit, 'offset': offset, 'filter': filter, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_number_lease_configs(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        prefix: str | None = None,
        city: str | None = None,
        state: str | None = None,
        zipcode: str | None = None,
        label_name: str | None = None,
        fields: str | None = None,
        lata: str | None = None,
        rate_center: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberConfigPage:
        """Find number lease configs.

        ``GET /numbers/leases/configs`` (operationId ``findNumberLeaseConfigs``, tag ``numbers``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            prefix: string; query.
            city: string; query.
            state: string; query.
            zipcode: string; query.
            label_name (``labelName``): string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            lata: string; query.
            rate_center (``rateCenter``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberConfigPage``.
        """
        result: NumberConfigPage = await self._call('findNumberLeaseConfigs', {'limit': limit, 'offset': offset, 'prefix': prefix, 'city': city, 'state': state, 'zipcode': zipcode, 'labelName': label_name, 'fields': fields, 'lata': lata, 'rateCenter': rate_center}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_number_leases(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        prefix: str | None = None,
        city: str | None = None,
        state: str | None = None,
        zipcode: str | None = None,
        label_name: str | None = None,
        toll_free: bool | None = None,
        fields: str | None = None,
        lata: str | None = None,
        rate_center: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberLeasePage:
        """Find number leases.

        ``GET /numbers/leases`` (operationId ``findNumberLeases``, tag ``numbers``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            prefix: string; query.
            city: string; query.
            state: string; query.
            zipcode: string; query.
            label_name (``labelName``): string; query.
            toll_free (``tollFree``): boolean; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            lata: string; query.
            rate_center (``rateCenter``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberLeasePage``.
        """
        result: NumberLeasePage = await self._call('findNumberLeases', {'limit': limit, 'offset': offset, 'prefix': prefix, 'city': city, 'state': state, 'zipcode': zipcode, 'labelName': label_name, 'tollFree': toll_free, 'fields': fields, 'lata': lata, 'rateCenter': rate_center}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_number_regions(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        prefix: str | None = None,
        city: str | None = None,
        state: str | None = None,
        zipcode: str | None = None,
        fields: str | None = None,
        lata: str | None = None,
        rate_center: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> RegionPage:
        """Find number regions.

        ``GET /numbers/regions`` (operationId ``findNumberRegions``, tag ``numbers``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            prefix: string; query.
            city: string; query.
            state: string; query.
            zipcode: string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            lata: string; query.
            rate_center (``rateCenter``): string; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``RegionPage``.
        """
        result: RegionPage = await self._call('findNumberRegions', {'limit': limit, 'offset': offset, 'prefix': prefix, 'city': city, 'state': state, 'zipcode': zipcode, 'fields': fields, 'lata': lata, 'rateCenter': rate_center}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_numbers_local(
        self,
        *,
        limit: int | None = None,
        prefix: str | None = None,
        city: str | None = None,
        state: str | None = None,
        zipcode: str | None = None,
        fields: str | None = None,
        lata: str | None = None,
        rate_center: str | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberList:
        """Find numbers local.

        ``GET /numbers/local`` (operationId ``findNumbersLocal``, tag ``numbers``).

        Args:
            limit: integer (int32); query; API default 100.
            prefix: string; query.
            city: string; query.
            state: string; query.
            zipcode: string; query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            lata: string; query.
            rate_center (``rateCenter``): string; query.
            offset: integer (int32); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberList``.
        """
        result: NumberList = await self._call('findNumbersLocal', {'limit': limit, 'prefix': prefix, 'city': city, 'state': state, 'zipcode': zipcode, 'fields': fields, 'lata': lata, 'rateCenter': rate_center, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_numbers_tollfree(
        self,
        *,
        pattern: str | None = None,
        limit: int | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberList:
        """Find numbers tollfree.

        ``GET /numbers/tollfree`` (operationId ``findNumbersTollfree``, tag ``numbers``).

        Args:
            pattern: string; query.
            limit: integer (int32); query; API default 100.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberList``.
        """
        result: NumberList = await self._call('findNumbersTollfree', {'pattern': pattern, 'limit': limit, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_orders(
        self,
        *,
        limit: int | None = None,
        offset: int | None = None,
        fields: str | None = None,
        status: Sequence[str] | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> PageNumberOrder:
        """Find orders.

        ``GET /orders`` (operationId ``findOrders``, tag ``orders``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            limit: integer (int32); query; API default 20.
            offset: integer (int32); query; API default 0.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            status: array of string; query; one of PROCESSING, FINISHED, PAYMENT_ERROR, VOID, WAIT_FOR_PAYMENT, PARTIALLY_ADJUSTED, ADJUSTED, NEW, ERRORED, APPROVE_TIER_ONE, APPROVE_TIER_TWO, REJECTED; several values joined by ',' (a list is joined); sent as repeated query keys.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``PageNumberOrder``.
        """
        result: PageNumberOrder = await self._call('findOrders', {'limit': limit, 'offset': offset, 'fields': fields, 'status': status, 'intervalBegin': interval_begin, 'intervalEnd': interval_end}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_text_auto_replys(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        number: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextAutoReplyPage:
        """Find text auto replys.

        ``GET /texts/auto-replys`` (operationId ``findTextAutoReplys``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            number: a phone number, digits only (E.164 with country code, or a short code); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextAutoReplyPage``.
        """
        result: TextAutoReplyPage = await self._call('findTextAutoReplys', {'fields': fields, 'limit': limit, 'offset': offset, 'number': number}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_text_broadcasts(
        self,
        *,
        name: str | None = None,
        label: str | None = None,
        running: bool | None = None,
        scheduled: bool | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextBroadcastPage:
        """Find text broadcasts.

        ``GET /texts/broadcasts`` (operationId ``findTextBroadcasts``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            name: string; query.
            label: string; query.
            running: boolean; query.
            scheduled: boolean; query.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            limit: integer (int32); query; API default 10.
            offset: integer (int32); query; API default 0.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextBroadcastPage``.
        """
        result: TextBroadcastPage = await self._call('findTextBroadcasts', {'name': name, 'label': label, 'running': running, 'scheduled': scheduled, 'intervalBegin': interval_begin, 'intervalEnd': interval_end, 'limit': limit, 'offset': offset, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_texts(
        self,
        *,
        id: Sequence[int] | None = None,
        campaign_id: int | None = None,
        batch_id: int | None = None,
        from_number: str | None = None,
        to_number: str | None = None,
        label: str | None = None,
        states: Literal['READY', 'SELECTED', 'CALLBACK', 'FINISHED', 'DISABLED', 'SKIPPED', 'DNC', 'DUP', 'INVALID', 'TIMEOUT', 'PERIOD_LIMIT'] | Sequence[Literal['READY', 'SELECTED', 'CALLBACK', 'FINISHED', 'DISABLED', 'SKIPPED', 'DNC', 'DUP', 'INVALID', 'TIMEOUT', 'PERIOD_LIMIT']] | str | None = None,
        results: Literal['SENT', 'RECEIVED', 'DNT', 'TOO_BIG', 'INTERNAL_ERROR', 'CARRIER_ERROR', 'CARRIER_TEMP_ERROR', 'UNDIALED'] | Sequence[Literal['SENT', 'RECEIVED', 'DNT', 'TOO_BIG', 'INTERNAL_ERROR', 'CARRIER_ERROR', 'CARRIER_TEMP_ERROR', 'UNDIALED']] | str | None = None,
        inbound: bool | None = None,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        limit: int | None = None,
        offset: int | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextPage:
        """Find texts.

        ``GET /texts`` (operationId ``findTexts``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: array of integer (int64); query; sent as repeated query keys.
            campaign_id (``campaignId``): integer (int64); query.
            batch_id (``batchId``): integer (int64); query.
            from_number (``fromNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            to_number (``toNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            label: string; query.
            states: string; query; one of READY, SELECTED, CALLBACK, FINISHED, DISABLED, SKIPPED, DNC, DUP, INVALID, TIMEOUT, PERIOD_LIMIT; several values joined by ',' (a list is joined).
            results: string; query; one of SENT, RECEIVED, DNT, TOO_BIG, INTERNAL_ERROR, CARRIER_ERROR, CARRIER_TEMP_ERROR, UNDIALED; several values joined by ',' (a list is joined).
            inbound: boolean; query.
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            limit: integer (int32); query; API default 10.
            offset: integer (int32); query; API default 0.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextPage``.
        """
        result: TextPage = await self._call('findTexts', {'id': id, 'campaignId': campaign_id, 'batchId': batch_id, 'fromNumber': from_number, 'toNumber': to_number, 'label': label, 'states': states, 'results': results, 'inbound': inbound, 'intervalBegin': interval_begin, 'intervalEnd': interval_end, 'limit': limit, 'offset': offset, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_webhook_resources(
        self,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ItemListWebhookResource:
        """Find webhook resources.

        ``GET /webhooks/resources`` (operationId ``findWebhookResources``, tag ``webhooks``).

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ItemListWebhookResource``.
        """
        result: ItemListWebhookResource = await self._call('findWebhookResources', {'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def find_webhooks(
        self,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        name: str | None = None,
        resource: str | None = None,
        event: str | None = None,
        callback: str | None = None,
        enabled: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> WebhookPage:
        """Find webhooks.

        ``GET /webhooks`` (operationId ``findWebhooks``, tag ``webhooks``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            name: string; query.
            resource: string; query.
            event: string; query.
            callback: string; query.
            enabled: boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``WebhookPage``.
        """
        result: WebhookPage = await self._call('findWebhooks', {'fields': fields, 'limit': limit, 'offset': offset, 'name': name, 'resource': resource, 'event': event, 'callback': callback, 'enabled': enabled}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_account(
        self,
        *,
        validate: bool = True,
    ) -> Account:
        """Get account.

        ``GET /me/account`` (operationId ``getAccount``, tag ``me``).
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Account``.
        """
        result: Account = await self._call('getAccount', {}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_api_credential(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ApiCredential:
        """Get api credential.

        ``GET /me/api/credentials/{id}`` (operationId ``getApiCredential``, tag ``me``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ApiCredential``.
        """
        result: ApiCredential = await self._call('getApiCredential', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_billing_plan_usage(
        self,
        *,
        validate: bool = True,
    ) -> BillingPlanUsage:
        """Get billing plan usage.

        ``GET /me/billing/plan-usage`` (operationId ``getBillingPlanUsage``, tag ``me``).
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``BillingPlanUsage``.
        """
        result: BillingPlanUsage = await self._call('getBillingPlanUsage', {}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_call(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Call:
        """Get call.

        ``GET /calls/{id}`` (operationId ``getCall``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Call``.
        """
        result: Call = await self._call('getCall', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_call_broadcast(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallBroadcast:
        """Get call broadcast.

        ``GET /calls/broadcasts/{id}`` (operationId ``getCallBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallBroadcast``.
        """
        result: CallBroadcast = await self._call('getCallBroadcast', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_call_broadcast_batches(
        self,
        id: int,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> BatchPage:
        """Get call broadcast batches.

        ``GET /calls/broadcasts/{id}/batches`` (operationId ``getCallBroadcastBatches``, tag ``calls``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``BatchPage``.
        """
        result: BatchPage = await self._call('getCallBroadcastBatches', {'id': id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_call_broadcast_calls(
        self,
        id: int,
        *,
        batch_id: int | None = None,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallPage:
        """Get call broadcast calls.

        ``GET /calls/broadcasts/{id}/calls`` (operationId ``getCallBroadcastCalls``, tag ``calls``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            batch_id (``batchId``): integer (int64); query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallPage``.
        """
        result: CallPage = await self._call('getCallBroadcastCalls', {'id': id, 'batchId': batch_id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_call_broadcast_stats(
        self,
        id: int,
        *,
        fields: str | None = None,
        begin: int | None = None,
        end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallBroadcastStats:
        """Get call broadcast stats.

        ``GET /calls/broadcasts/{id}/stats`` (operationId ``getCallBroadcastStats``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            begin: integer (int64); query.
            end: integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallBroadcastStats``.
        """
        result: CallBroadcastStats = await self._call('getCallBroadcastStats', {'id': id, 'fields': fields, 'begin': begin, 'end': end}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_call_recording(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallRecording:
        """Get call recording.

        ``GET /calls/recordings/{id}`` (operationId ``getCallRecording``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallRecording``.
        """
        result: CallRecording = await self._call('getCallRecording', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_call_recording_by_name(
        self,
        id: int,
        name: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallRecording:
        """Get call recording by name.

        ``GET /calls/{id}/recordings/{name}`` (operationId ``getCallRecordingByName``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            name: string; path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallRecording``.
        """
        result: CallRecording = await self._call('getCallRecordingByName', {'id': id, 'name': name, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_call_recording_mp3(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get call recording mp3.

        ``GET /calls/recordings/{id}.mp3`` (operationId ``getCallRecordingMp3``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = await self._call('getCallRecordingMp3', {'id': id}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_call_recording_mp3_by_name(
        self,
        id: int,
        name: str,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get call recording mp3 by name.

        ``GET /calls/{id}/recordings/{name}.mp3`` (operationId ``getCallRecordingMp3ByName``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            name: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = await self._call('getCallRecordingMp3ByName', {'id': id, 'name': name}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_call_recordings(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallRecordingList:
        """Get call recordings.

        ``GET /calls/{id}/recordings`` (operationId ``getCallRecordings``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallRecordingList``.
        """
        result: CallRecordingList = await self._call('getCallRecordings', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_caller_ids(
        self,
        *,
        validate: bool = True,
    ) -> CallerIdList:
        """Get caller ids.

        ``GET /me/callerids`` (operationId ``getCallerIds``, tag ``me``).
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallerIdList``.
        """
        result: CallerIdList = await self._call('getCallerIds', {}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_campaign_batch(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Batch:
        """Get campaign batch.

        ``GET /campaigns/batches/{id}`` (operationId ``getCampaignBatch``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Batch``.
        """
        result: Batch = await self._call('getCampaignBatch', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_campaign_sound(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSound:
        """Get campaign sound.

        ``GET /campaigns/sounds/{id}`` (operationId ``getCampaignSound``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSound``.
        """
        result: CampaignSound = await self._call('getCampaignSound', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_campaign_sound_data_mp3(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get campaign sound data mp3.

        ``GET /campaigns/sounds/{id}.mp3`` (operationId ``getCampaignSoundDataMp3``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = await self._call('getCampaignSoundDataMp3', {'id': id}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_campaign_sound_data_wav(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get campaign sound data wav.

        ``GET /campaigns/sounds/{id}.wav`` (operationId ``getCampaignSoundDataWav``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = await self._call('getCampaignSoundDataWav', {'id': id}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_contact(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Contact:
        """Get contact.

        ``GET /contacts/{id}`` (operationId ``getContact``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Contact``.
        """
        result: Contact = await self._call('getContact', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_contact_history(
        self,
        id: int,
        *,
        limit: int | None = None,
        offset: int | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactHistory:
        """Get contact history.

        ``GET /contacts/{id}/history`` (operationId ``getContactHistory``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            limit: integer (int32); query.
            offset: integer (int32); query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactHistory``.
        """
        result: ContactHistory = await self._call('getContactHistory', {'id': id, 'limit': limit, 'offset': offset, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_contact_list(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactList:
        """Get contact list.

        ``GET /contacts/lists/{id}`` (operationId ``getContactList``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactList``.
        """
        result: ContactList = await self._call('getContactList', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_contact_list_items(
        self,
        id: int,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ContactPage:
        """Get contact list items.

        ``GET /contacts/lists/{id}/items`` (operationId ``getContactListItems``, tag ``contacts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query.
            offset: integer (int32); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ContactPage``.
        """
        result: ContactPage = await self._call('getContactListItems', {'id': id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_credit_usage(
        self,
        *,
        interval_begin: int | None = None,
        interval_end: int | None = None,
        validate: bool = True,
    ) -> CreditUsage:
        """Get credit usage.

        ``GET /me/billing/credit-usage`` (operationId ``getCreditUsage``, tag ``me``).

        Args:
            interval_begin (``intervalBegin``): integer (int64); query.
            interval_end (``intervalEnd``): integer (int64); query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CreditUsage``.
        """
        result: CreditUsage = await self._call('getCreditUsage', {'intervalBegin': interval_begin, 'intervalEnd': interval_end}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_delivery_reports(
        self,
        *,
        start_date: str | None = None,
        end_date: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        campaign_id: int | None = None,
        from_number: str | None = None,
        to_number: str | None = None,
        delivery_category: Literal['NO_DATA', 'OPTED_OUT', 'BOUNCED', 'NO_CREDITS', 'DELIVERED'] | None = None,
        delivery_state: Literal['DELIVERED', 'UNSENT_OPTED_OUT_GLOBAL', 'UNSENT_OPTED_OUT_LOCAL', 'UNSENT_NO_CREDITS', 'GATEWAY_REJECTED', 'CARRIER_REJECTED', 'NOT_DELIVERED', 'UNSENT_BAD_DATA', 'UNSENT_NO_WIRELESS_CARRIER', 'UNSENT_MESSAGE_TOO_LONG', 'UNSENT_MESSAGE_BLOCKED', 'UNSENT_QUEUE_LIMIT_REACHED', 'SPAM_DETECTED', 'ORIGINATED', 'SUBMITTED', 'FORWARDED', 'NOT_GIVEN', 'UNKNOWN', 'RETRY_MMS_AS_SMS', 'QUEUED', 'QUEUED_TRANSCODE', 'ORIGINAL', 'DUPE', 'TRUNCATED', 'REQUEUED_RATE_LIMITED', 'BUFFERED', 'RATE_LIMIT_EXCEEDED', 'SERVICE_UNAVAILABLE', 'SEND_MMS_AS_SMS', 'REQUEUED_RECOVERABLE_ERROR', 'SEND_WITH_ADDITIONAL_SPID'] | None = None,
        carrier: str | None = None,
        message_text: str | None = None,
        validate: bool = True,
    ) -> PageDeliveryReport:
        """Get delivery reports.

        ``GET /reports/delivery`` (operationId ``getDeliveryReports``, tag ``reports``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            start_date (``startDate``): string; query.
            end_date (``endDate``): string; query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            campaign_id (``campaignId``): integer (int64); query.
            from_number (``fromNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            to_number (``toNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            delivery_category (``deliveryCategory``): string; query; one of NO_DATA, OPTED_OUT, BOUNCED, NO_CREDITS, DELIVERED.
            delivery_state (``deliveryState``): string; query; one of DELIVERED, UNSENT_OPTED_OUT_GLOBAL, UNSENT_OPTED_OUT_LOCAL, UNSENT_NO_CREDITS, GATEWAY_REJECTED, CARRIER_REJECTED, NOT_DELIVERED, UNSENT_BAD_DATA, UNSENT_NO_WIRELESS_CARRIER, UNSENT_MESSAGE_TOO_LONG, UNSENT_MESSAGE_BLOCKED, UNSENT_QUEUE_LIMIT_REACHED, SPAM_DETECTED, ORIGINATED, SUBMITTED, FORWARDED, NOT_GIVEN, UNKNOWN, RETRY_MMS_AS_SMS, QUEUED, QUEUED_TRANSCODE, ORIGINAL, DUPE, TRUNCATED, REQUEUED_RATE_LIMITED, BUFFERED, RATE_LIMIT_EXCEEDED, SERVICE_UNAVAILABLE, SEND_MMS_AS_SMS, REQUEUED_RECOVERABLE_ERROR, SEND_WITH_ADDITIONAL_SPID.
            carrier: string; query.
            message_text (``messageText``): string; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``PageDeliveryReport``.
        """
        result: PageDeliveryReport = await self._call('getDeliveryReports', {'startDate': start_date, 'endDate': end_date, 'limit': limit, 'offset': offset, 'campaignId': campaign_id, 'fromNumber': from_number, 'toNumber': to_number, 'deliveryCategory': delivery_category, 'deliveryState': delivery_state, 'carrier': carrier, 'messageText': message_text}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_do_not_contact(
        self,
        number: str,
        *,
        validate: bool = True,
    ) -> DoNotContact:
        """Get do not contact.

        ``GET /contacts/dncs/{number}`` (operationId ``getDoNotContact``, tag ``contacts``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``DoNotContact``.
        """
        result: DoNotContact = await self._call('getDoNotContact', {'number': number}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_keyword_lease(
        self,
        keyword: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> KeywordLease:
        """Get keyword lease.

        ``GET /keywords/leases/{keyword}`` (operationId ``getKeywordLease``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordLease``.
        """
        result: KeywordLease = await self._call('getKeywordLease', {'keyword': keyword, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_keyword_lease_by_id(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> KeywordLease:
        """Get keyword lease by id.

        ``GET /keywords/leases/id/{id}`` (operationId ``getKeywordLeaseById``, tag ``keywords``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordLease``.
        """
        result: KeywordLease = await self._call('getKeywordLeaseById', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_keyword_lease_config(
        self,
        keyword: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> KeywordConfig:
        """Get keyword lease config.

        ``GET /keywords/leases/configs/{keyword}`` (operationId ``getKeywordLeaseConfig``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``KeywordConfig``.
        """
        result: KeywordConfig = await self._call('getKeywordLeaseConfig', {'keyword': keyword, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_media(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Media:
        """Get media.

        ``GET /media/{id}`` (operationId ``getMedia``, tag ``media``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Media``.
        """
        result: Media = await self._call('getMedia', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_media_data(
        self,
        id: int,
        extension: str,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get media data.

        ``GET /media/{id}.{extension}`` (operationId ``getMediaData``, tag ``media``).

        Args:
            id: integer (int64); path; required.
            extension: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = await self._call('getMediaData', {'id': id, 'extension': extension}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_media_data_binary(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get media data binary.

        ``GET /media/{id}/file`` (operationId ``getMediaDataBinary``, tag ``media``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = await self._call('getMediaDataBinary', {'id': id}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_media_data_by_key(
        self,
        key: str,
        extension: str,
        *,
        validate: bool = True,
    ) -> bytes:
        """Get media data by key.

        ``GET /media/public/{key}.{extension}`` (operationId ``getMediaDataByKey``, tag ``media``).

        Args:
            key: string; path; required.
            extension: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            The raw bytes of the file (see ``download`` to stream them to a file).
        """
        result: bytes = await self._call('getMediaDataByKey', {'key': key, 'extension': extension}, body=None, files=None, project=False, validate=validate)
        return result

    async def get_number_lease(
        self,
        number: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberLease:
        """Get number lease.

        ``GET /numbers/leases/{number}`` (operationId ``getNumberLease``, tag ``numbers``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberLease``.
        """
        result: NumberLease = await self._call('getNumberLease', {'number': number, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_number_lease_config(
        self,
        number: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberConfig:
        """Get number lease config.

        ``GET /numbers/leases/configs/{number}`` (operationId ``getNumberLeaseConfig``, tag ``numbers``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberConfig``.
        """
        result: NumberConfig = await self._call('getNumberLeaseConfig', {'number': number, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_order(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> NumberOrder:
        """Get order.

        ``GET /orders/{id}`` (operationId ``getOrder``, tag ``orders``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``NumberOrder``.
        """
        result: NumberOrder = await self._call('getOrder', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_text(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Text:
        """Get text.

        ``GET /texts/{id}`` (operationId ``getText``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Text``.
        """
        result: Text = await self._call('getText', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_text_auto_reply(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextAutoReply:
        """Get text auto reply.

        ``GET /texts/auto-replys/{id}`` (operationId ``getTextAutoReply``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextAutoReply``.
        """
        result: TextAutoReply = await self._call('getTextAutoReply', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_text_broadcast(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextBroadcast:
        """Get text broadcast.

        ``GET /texts/broadcasts/{id}`` (operationId ``getTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextBroadcast``.
        """
        result: TextBroadcast = await self._call('getTextBroadcast', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_text_broadcast_batches(
        self,
        id: int,
        *,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> BatchPage:
        """Get text broadcast batches.

        ``GET /texts/broadcasts/{id}/batches`` (operationId ``getTextBroadcastBatches``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``BatchPage``.
        """
        result: BatchPage = await self._call('getTextBroadcastBatches', {'id': id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_text_broadcast_stats(
        self,
        id: int,
        *,
        fields: str | None = None,
        begin: int | None = None,
        end: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextBroadcastStatsDto:
        """Get text broadcast stats.

        ``GET /texts/broadcasts/{id}/stats`` (operationId ``getTextBroadcastStats``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            begin: integer (int64); query.
            end: integer (int64); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextBroadcastStatsDto``.
        """
        result: TextBroadcastStatsDto = await self._call('getTextBroadcastStats', {'id': id, 'fields': fields, 'begin': begin, 'end': end}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_text_broadcast_texts(
        self,
        id: int,
        *,
        batch_id: int | None = None,
        fields: str | None = None,
        limit: int | None = None,
        offset: int | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextPage:
        """Get text broadcast texts.

        ``GET /texts/broadcasts/{id}/texts`` (operationId ``getTextBroadcastTexts``, tag ``texts``).
        A paged list: iterate every item with ``paginate(...)``.

        Args:
            id: integer (int64); path; required.
            batch_id (``batchId``): integer (int64); query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            limit: integer (int32); query; API default 100.
            offset: integer (int32); query; API default 0.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextPage``.
        """
        result: TextPage = await self._call('getTextBroadcastTexts', {'id': id, 'batchId': batch_id, 'fields': fields, 'limit': limit, 'offset': offset}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_universal_do_not_contacts(
        self,
        to_number: str,
        *,
        from_number: str | None = None,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ItemListUniversalDoNotContact:
        """Get universal do not contacts.

        ``GET /contacts/dncs/universals/{toNumber}`` (operationId ``getUniversalDoNotContacts``, tag ``contacts``).

        Args:
            to_number (``toNumber``): a phone number, digits only (E.164 with country code, or a short code); path; required.
            from_number (``fromNumber``): a phone number, digits only (E.164 with country code, or a short code); query.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ItemListUniversalDoNotContact``.
        """
        result: ItemListUniversalDoNotContact = await self._call('getUniversalDoNotContacts', {'toNumber': to_number, 'fromNumber': from_number, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_webhook(
        self,
        id: int,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> Webhook:
        """Get webhook.

        ``GET /webhooks/{id}`` (operationId ``getWebhook``, tag ``webhooks``).

        Args:
            id: integer (int64); path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``Webhook``.
        """
        result: Webhook = await self._call('getWebhook', {'id': id, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def get_webhook_resource(
        self,
        resource: str,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> WebhookResource:
        """Get webhook resource.

        ``GET /webhooks/resources/{resource}`` (operationId ``getWebhookResource``, tag ``webhooks``).

        Args:
            resource: string; path; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``WebhookResource``.
        """
        result: WebhookResource = await self._call('getWebhookResource', {'resource': resource, 'fields': fields}, body=None, files=None, project=project, validate=validate)
        return result

    async def is_keyword_available(
        self,
        keyword: str,
        *,
        validate: bool = True,
    ) -> bool:
        """Is keyword available.

        ``GET /keywords/{keyword}/available`` (operationId ``isKeywordAvailable``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            validate: check the request before sending it (default).

        Returns:
            The boolean the API answers with.
        """
        result: bool = await self._call('isKeywordAvailable', {'keyword': keyword}, body=None, files=None, project=False, validate=validate)
        return result

    async def order_keywords(
        self,
        body: KeywordPurchaseRequest | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ResourceId:
        """Order keywords.

        ``POST /orders/keywords`` (operationId ``orderKeywords``, tag ``orders``).

        Args:
            body: KeywordPurchaseRequest object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('orderKeywords', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    async def order_numbers(
        self,
        body: NumberPurchaseRequest | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> ResourceId:
        """Order numbers.

        ``POST /orders/numbers`` (operationId ``orderNumbers``, tag ``orders``).

        Args:
            body: NumberPurchaseRequest object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``ResourceId``.
        """
        result: ResourceId = await self._call('orderNumbers', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    async def post_call_campaign_sound(
        self,
        body: CallCreateSound | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSound:
        """Post call campaign sound.

        ``POST /campaigns/sounds/calls`` (operationId ``postCallCampaignSound``, tag ``campaigns``).

        Args:
            body: CallCreateSound object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSound``.
        """
        result: CampaignSound = await self._call('postCallCampaignSound', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    async def post_file_campaign_sound(
        self,
        file: FileInput,
        *,
        fields: str | None = None,
        name: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSound:
        """Post file campaign sound.

        ``POST /campaigns/sounds/files`` (operationId ``postFileCampaignSound``, tag ``campaigns``).

        Args:
            file: file; form field; required.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            name: string; form field.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSound``.
        """
        result: CampaignSound = await self._call('postFileCampaignSound', {'fields': fields, 'name': name}, body=None, files={'file': file}, project=project, validate=validate)
        return result

    async def post_tts_campaign_sound(
        self,
        body: TextToSpeech | None = None,
        *,
        fields: str | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CampaignSound:
        """Post tts campaign sound.

        ``POST /campaigns/sounds/tts`` (operationId ``postTTSCampaignSound``, tag ``campaigns``).

        Args:
            body: TextToSpeech object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CampaignSound``.
        """
        result: CampaignSound = await self._call('postTTSCampaignSound', {'fields': fields}, body=body, files=None, project=project, validate=validate)
        return result

    async def remove_contact_list_item(
        self,
        id: int,
        contact_id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Remove contact list item.

        ``DELETE /contacts/lists/{id}/items/{contactId}`` (operationId ``removeContactListItem``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            contact_id (``contactId``): integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('removeContactListItem', {'id': id, 'contactId': contact_id}, body=None, files=None, project=False, validate=validate)

    async def remove_contact_list_items(
        self,
        id: int,
        *,
        contact_id: Sequence[int] | None = None,
        validate: bool = True,
    ) -> None:
        """Remove contact list items.

        ``DELETE /contacts/lists/{id}/items`` (operationId ``removeContactListItems``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            contact_id (``contactId``): array of integer (int64); query; sent as repeated query keys.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('removeContactListItems', {'id': id, 'contactId': contact_id}, body=None, files=None, project=False, validate=validate)

    async def send_calls(
        self,
        body: Sequence[CallRecipient] | None = None,
        *,
        fields: str | None = None,
        campaign_id: int | None = None,
        default_live_message: str | None = None,
        default_machine_message: str | None = None,
        default_live_message_sound_id: int | None = None,
        default_machine_message_sound_id: int | None = None,
        default_voice: Literal['MALE1', 'FEMALE1', 'FEMALE2', 'SPANISH1', 'FRENCHCANADIAN1'] | None = None,
        strict_validation: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> CallList:
        """Send calls.

        ``POST /calls`` (operationId ``sendCalls``, tag ``calls``).

        Args:
            body: array of CallRecipient object; body; at most 10 items.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            campaign_id (``campaignId``): integer (int64); query.
            default_live_message (``defaultLiveMessage``): string; query.
            default_machine_message (``defaultMachineMessage``): string; query.
            default_live_message_sound_id (``defaultLiveMessageSoundId``): integer (int64); query.
            default_machine_message_sound_id (``defaultMachineMessageSoundId``): integer (int64); query.
            default_voice (``defaultVoice``): string; query; one of MALE1, FEMALE1, FEMALE2, SPANISH1, FRENCHCANADIAN1.
            strict_validation (``strictValidation``): boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``CallList``.
        """
        result: CallList = await self._call('sendCalls', {'fields': fields, 'campaignId': campaign_id, 'defaultLiveMessage': default_live_message, 'defaultMachineMessage': default_machine_message, 'defaultLiveMessageSoundId': default_live_message_sound_id, 'defaultMachineMessageSoundId': default_machine_message_sound_id, 'defaultVoice': default_voice, 'strictValidation': strict_validation}, body=body, files=None, project=project, validate=validate)
        return result

    async def send_texts(
        self,
        body: Sequence[TextRecipient] | None = None,
        *,
        fields: str | None = None,
        campaign_id: int | None = None,
        default_message: str | None = None,
        strict_validation: bool | None = None,
        project: bool = False,
        validate: bool = True,
    ) -> TextList:
        """Send texts.

        ``POST /texts`` (operationId ``sendTexts``, tag ``texts``).

        Args:
            body: array of TextRecipient object; body.
            fields: a ``fields`` partial-response expression (parsed with cftools.fields); query.
            campaign_id (``campaignId``): integer (int64); query.
            default_message (``defaultMessage``): string; query.
            strict_validation (``strictValidation``): boolean; query.
            project: apply ``fields`` to the response client-side too.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextList``.
        """
        result: TextList = await self._call('sendTexts', {'fields': fields, 'campaignId': campaign_id, 'defaultMessage': default_message, 'strictValidation': strict_validation}, body=body, files=None, project=project, validate=validate)
        return result

    async def send_verification_code_to_caller_id(
        self,
        callerid: str,
        *,
        validate: bool = True,
    ) -> None:
        """Send verification code to caller id.

        ``POST /me/callerids/{callerid}`` (operationId ``sendVerificationCodeToCallerId``, tag ``me``).

        Args:
            callerid: a phone number, digits only (E.164 with country code, or a short code); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('sendVerificationCodeToCallerId', {'callerid': callerid}, body=None, files=None, project=False, validate=validate)

    async def start_text_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Start text broadcast.

        ``POST /texts/broadcasts/{id}/start`` (operationId ``startTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('startTextBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def start_voice_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Start voice broadcast.

        ``POST /calls/broadcasts/{id}/start`` (operationId ``startVoiceBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('startVoiceBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def stop_text_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Stop text broadcast.

        ``POST /texts/broadcasts/{id}/stop`` (operationId ``stopTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('stopTextBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def stop_voice_broadcast(
        self,
        id: int,
        *,
        validate: bool = True,
    ) -> None:
        """Stop voice broadcast.

        ``POST /calls/broadcasts/{id}/stop`` (operationId ``stopVoiceBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('stopVoiceBroadcast', {'id': id}, body=None, files=None, project=False, validate=validate)

    async def toggle_call_broadcast_recipients_status(
        self,
        id: int,
        body: Sequence[Recipient] | None = None,
        *,
        enable: bool | None = None,
        validate: bool = True,
    ) -> None:
        """Toggle call broadcast recipients status.

        ``POST /calls/broadcasts/{id}/toggleRecipientsStatus`` (operationId ``toggleCallBroadcastRecipientsStatus``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            body: array of Recipient object; body.
            enable: boolean; query; API default False.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('toggleCallBroadcastRecipientsStatus', {'id': id, 'enable': enable}, body=body, files=None, project=False, validate=validate)

    async def toggle_text_broadcast_recipients_status(
        self,
        id: int,
        body: Sequence[Recipient] | None = None,
        *,
        enable: bool | None = None,
        validate: bool = True,
    ) -> None:
        """Toggle text broadcast recipients status.

        ``POST /texts/broadcasts/{id}/toggleRecipientsStatus`` (operationId ``toggleTextBroadcastRecipientsStatus``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            body: array of Recipient object; body.
            enable: boolean; query; API default False.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('toggleTextBroadcastRecipientsStatus', {'id': id, 'enable': enable}, body=body, files=None, project=False, validate=validate)

    async def update_call_broadcast(
        self,
        id: int,
        body: CallBroadcast | None = None,
        *,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> None:
        """Update call broadcast.

        ``PUT /calls/broadcasts/{id}`` (operationId ``updateCallBroadcast``, tag ``calls``).

        Args:
            id: integer (int64); path; required.
            body: CallBroadcast object; body.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateCallBroadcast', {'id': id, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)

    async def update_campaign_batch(
        self,
        id: int,
        body: Batch | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update campaign batch.

        ``PUT /campaigns/batches/{id}`` (operationId ``updateCampaignBatch``, tag ``campaigns``).

        Args:
            id: integer (int64); path; required.
            body: Batch object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateCampaignBatch', {'id': id}, body=body, files=None, project=False, validate=validate)

    async def update_contact(
        self,
        id: int,
        body: Contact | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update contact.

        ``PUT /contacts/{id}`` (operationId ``updateContact``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            body: Contact object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateContact', {'id': id}, body=body, files=None, project=False, validate=validate)

    async def update_contact_list(
        self,
        id: int,
        body: UpdateContactListRequest | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update contact list.

        ``PUT /contacts/lists/{id}`` (operationId ``updateContactList``, tag ``contacts``).

        Args:
            id: integer (int64); path; required.
            body: UpdateContactListRequest object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateContactList', {'id': id}, body=body, files=None, project=False, validate=validate)

    async def update_do_not_contact(
        self,
        number: str,
        body: DoNotContact | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update do not contact.

        ``PUT /contacts/dncs/{number}`` (operationId ``updateDoNotContact``, tag ``contacts``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            body: DoNotContact object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateDoNotContact', {'number': number}, body=body, files=None, project=False, validate=validate)

    async def update_keyword_lease(
        self,
        keyword: str,
        body: KeywordLease | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update keyword lease.

        ``PUT /keywords/leases/{keyword}`` (operationId ``updateKeywordLease``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            body: KeywordLease object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateKeywordLease', {'keyword': keyword}, body=body, files=None, project=False, validate=validate)

    async def update_keyword_lease_config(
        self,
        keyword: str,
        body: KeywordConfig | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update keyword lease config.

        ``PUT /keywords/leases/configs/{keyword}`` (operationId ``updateKeywordLeaseConfig``, tag ``keywords``).

        Args:
            keyword: string; path; required.
            body: KeywordConfig object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateKeywordLeaseConfig', {'keyword': keyword}, body=body, files=None, project=False, validate=validate)

    async def update_number_lease(
        self,
        number: str,
        body: NumberLease | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update number lease.

        ``PUT /numbers/leases/{number}`` (operationId ``updateNumberLease``, tag ``numbers``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            body: NumberLease object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateNumberLease', {'number': number}, body=body, files=None, project=False, validate=validate)

    async def update_number_lease_config(
        self,
        number: str,
        body: NumberConfig | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update number lease config.

        ``PUT /numbers/leases/configs/{number}`` (operationId ``updateNumberLeaseConfig``, tag ``numbers``).

        Args:
            number: a phone number, digits only (E.164 with country code, or a short code); path; required.
            body: NumberConfig object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateNumberLeaseConfig', {'number': number}, body=body, files=None, project=False, validate=validate)

    async def update_text_broadcast(
        self,
        id: int,
        body: TextBroadcast | None = None,
        *,
        strict_validation: bool | None = None,
        validate: bool = True,
    ) -> TextBroadcastCreateResponse:
        """Update text broadcast.

        ``PUT /texts/broadcasts/{id}`` (operationId ``updateTextBroadcast``, tag ``texts``).

        Args:
            id: integer (int64); path; required.
            body: TextBroadcast object; body.
            strict_validation (``strictValidation``): boolean; query.
            validate: check the request before sending it (default).

        Returns:
            The decoded JSON response (projected with ``fields`` when ``project`` is set): a ``TextBroadcastCreateResponse``.
        """
        result: TextBroadcastCreateResponse = await self._call('updateTextBroadcast', {'id': id, 'strictValidation': strict_validation}, body=body, files=None, project=False, validate=validate)
        return result

    async def update_webhook(
        self,
        id: int,
        body: Webhook | None = None,
        *,
        validate: bool = True,
    ) -> None:
        """Update webhook.

        ``PUT /webhooks/{id}`` (operationId ``updateWebhook``, tag ``webhooks``).

        Args:
            id: integer (int64); path; required.
            body: Webhook object; body.
            validate: check the request before sending it (default).

        Returns:
            ``None``: the API answers with an empty success.
        """
        await self._call('updateWebhook', {'id': id}, body=body, files=None, project=False, validate=validate)

    async def verify_caller_id(
        self,
        callerid: str,
        body: CallerIdVerificationRequest | None = None,
        *,
        validate: bool = True,
    ) -> bool:
        """Verify caller id.

        ``POST /me/callerids/{callerid}/verification-code`` (operationId ``verifyCallerId``, tag ``me``).

        Args:
            callerid: a phone number, digits only (E.164 with country code, or a short code); path; required.
            body: CallerIdVerificationRequest object; body.
            validate: check the request before sending it (default).

        Returns:
            The boolean the API answers with.
        """
        result: bool = await self._call('verifyCallerId', {'callerid': callerid}, body=body, files=None, project=False, validate=validate)
        return result


class SyncPaginate(Protocol):
    """``Client.paginate``, typed: the items of each paged operation by its model."""

    @overload
    def __call__(
        self,
        operation: Literal['findApiCredentials'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[ApiCredential]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findCallBroadcasts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[CallBroadcast]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findCalls'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Call]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findCampaignSounds'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[CampaignSound]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findContactLists'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[ContactList]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findContacts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Contact]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findDoNotContacts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[DoNotContact]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findKeywordLeases'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[KeywordLease]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findMedia'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Media]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findNumberLeaseConfigs'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[NumberConfig]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findNumberLeases'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[NumberLease]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findNumberRegions'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Region]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findOrders'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[NumberOrder]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findTextAutoReplys'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[TextAutoReply]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findTextBroadcasts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[TextBroadcast]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findTexts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Text]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findWebhooks'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Webhook]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getCallBroadcastBatches'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Batch]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getCallBroadcastCalls'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Call]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getContactListItems'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Contact]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getDeliveryReports'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[DeliveryReport]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getTextBroadcastBatches'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Batch]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getTextBroadcastTexts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Text]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., ApiCredentialPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[ApiCredential]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., BatchPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Batch]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., CallBroadcastPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[CallBroadcast]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., CallPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Call]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., CampaignSoundPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[CampaignSound]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., ContactListPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[ContactList]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., ContactPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Contact]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., DoNotContactPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[DoNotContact]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., KeywordLeasePage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[KeywordLease]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., MediaPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Media]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., NumberConfigPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[NumberConfig]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., NumberLeasePage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[NumberLease]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., PageDeliveryReport],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[DeliveryReport]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., PageNumberOrder],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[NumberOrder]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., RegionPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Region]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., TextAutoReplyPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[TextAutoReply]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., TextBroadcastPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[TextBroadcast]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., TextPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Text]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., WebhookPage],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Webhook]: ...

    @overload
    def __call__(
        self,
        operation: str | Callable[..., Any],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> Iterator[Any]: ...


class _SyncPaginateAttribute(Protocol):
    def __get__(self, instance: object, owner: type[Any] | None = None) -> SyncPaginate: ...


def sync_paginate(method: Callable[..., Iterator[Any]]) -> _SyncPaginateAttribute:
    """Give ``Client.paginate`` the overloads of :class:`SyncPaginate` (the identity)."""
    return method


class AsyncPaginate(Protocol):
    """``AsyncClient.paginate``, typed: the items of each paged operation by its model."""

    @overload
    def __call__(
        self,
        operation: Literal['findApiCredentials'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[ApiCredential]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findCallBroadcasts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[CallBroadcast]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findCalls'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Call]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findCampaignSounds'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[CampaignSound]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findContactLists'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[ContactList]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findContacts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Contact]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findDoNotContacts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[DoNotContact]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findKeywordLeases'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[KeywordLease]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findMedia'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Media]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findNumberLeaseConfigs'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[NumberConfig]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findNumberLeases'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[NumberLease]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findNumberRegions'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Region]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findOrders'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[NumberOrder]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findTextAutoReplys'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[TextAutoReply]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findTextBroadcasts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[TextBroadcast]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findTexts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Text]: ...

    @overload
    def __call__(
        self,
        operation: Literal['findWebhooks'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Webhook]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getCallBroadcastBatches'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Batch]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getCallBroadcastCalls'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Call]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getContactListItems'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Contact]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getDeliveryReports'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[DeliveryReport]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getTextBroadcastBatches'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Batch]: ...

    @overload
    def __call__(
        self,
        operation: Literal['getTextBroadcastTexts'],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Text]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[ApiCredentialPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[ApiCredential]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[BatchPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Batch]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[CallBroadcastPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[CallBroadcast]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[CallPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Call]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[CampaignSoundPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[CampaignSound]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[ContactListPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[ContactList]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[ContactPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Contact]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[DoNotContactPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[DoNotContact]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[KeywordLeasePage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[KeywordLease]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[MediaPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Media]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[NumberConfigPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[NumberConfig]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[NumberLeasePage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[NumberLease]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[PageDeliveryReport]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[DeliveryReport]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[PageNumberOrder]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[NumberOrder]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[RegionPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Region]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[TextAutoReplyPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[TextAutoReply]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[TextBroadcastPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[TextBroadcast]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[TextPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Text]: ...

    @overload
    def __call__(
        self,
        operation: Callable[..., Awaitable[WebhookPage]],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Webhook]: ...

    @overload
    def __call__(
        self,
        operation: str | Callable[..., Any],
        /,
        *,
        max_items: int | None = None,
        page_size: int | None = None,
        project: bool = False,
        validate: bool = True,
        **params: Any,
    ) -> AsyncIterator[Any]: ...


class _AsyncPaginateAttribute(Protocol):
    def __get__(self, instance: object, owner: type[Any] | None = None) -> AsyncPaginate: ...


def async_paginate(method: Callable[..., AsyncIterator[Any]]) -> _AsyncPaginateAttribute:
    """Give ``AsyncClient.paginate`` the overloads of :class:`AsyncPaginate` (the identity)."""
    return method
