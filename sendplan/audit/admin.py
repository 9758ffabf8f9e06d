from django.contrib import admin
from django.http import HttpRequest

from sendplan.audit.models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The trail can be read in the admin, never changed there."""

    list_display = ["at", "actor_name", "verb", "object_type", "object_repr", "plan_id"]
    list_filter = ["verb", "object_type"]
    search_fields = ["object_repr", "actor_name"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
