package dev.guildhall.discord;

import dev.guildhall.core.action.ButtonSpec;
import dev.guildhall.core.action.Embed;
import dev.guildhall.core.action.Mentions;
import dev.guildhall.core.action.MessageContent;
import dev.guildhall.core.action.ModalSpec;
import dev.guildhall.core.id.RoleId;
import dev.guildhall.core.id.UserId;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.emoji.CustomEmoji;
import net.dv8tion.jda.api.entities.emoji.Emoji;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JdaMessagesTest {
    private static final Embed EMBED = new Embed("Setup done", "Channels are ready",
            List.of(new Embed.Field("Prefix", "frolf", true)), 0x2ECC71);

    @Test
    void everyMessageSaysItParsesNoMentionTypeAndListsOnlyTheAskedUsersAndRoles() {
        DataObject quiet = JdaMessages.create(MessageContent.text("@everyone <@&42>")).toData()
                .getObject("allowed_mentions");
        assertThat(quiet.getArray("parse").isEmpty()).isTrue();
        assertThat(quiet.hasKey("users")).isFalse();
        assertThat(quiet.hasKey("roles")).isFalse();
        assertThat(quiet.getBoolean("replied_user")).isFalse();

        MessageContent asking = MessageContent.text("<@7> <@&42> @everyone")
                .withMentions(new Mentions(Set.of(UserId.of(7)), Set.of(RoleId.of(42))));
        DataObject created = JdaMessages.create(asking).toData().getObject("allowed_mentions");
        DataObject edited = JdaMessages.edit(asking).toData().getObject("allowed_mentions");
        for (DataObject allowed : List.of(created, edited)) {
            assertThat(allowed.getArray("parse").isEmpty()).isTrue();
            assertThat(allowed.getArray("users").getString(0)).isEqualTo("7");
            assertThat(allowed.getArray("users").length()).isEqualTo(1);
            assertThat(allowed.getArray("roles").getString(0)).isEqualTo("42");
        }
    }

    @Test
    void aMessageCarriesTextEmbedsAndOneRowOfButtons() {
        MessageContent content = new MessageContent("hello", List.of(EMBED), List.of(
                new ButtonSpec("rsvp:yes", "Yes", ButtonSpec.Style.SUCCESS),
                new ButtonSpec("rsvp:no", "No", ButtonSpec.Style.DANGER)));

        MessageCreateData data = JdaMessages.create(content);

        assertThat(data.getContent()).isEqualTo("hello");
        MessageEmbed embed = data.getEmbeds().getFirst();
        assertThat(embed.getTitle()).isEqualTo("Setup done");
        assertThat(embed.getDescription()).isEqualTo("Channels are ready");
        assertThat(embed.getColorRaw()).isEqualTo(0x2ECC71);
        assertThat(embed.getFields()).singleElement().satisfies(f -> {
            assertThat(f.getName()).isEqualTo("Prefix");
            assertThat(f.getValue()).isEqualTo("frolf");
            assertThat(f.isInline()).isTrue();
        });
        assertThat(data.getComponents()).hasSize(1);
        List<Button> buttons = data.getComponents().getFirst().asActionRow().getButtons();
        assertThat(buttons).extracting(Button::getCustomId).containsExactly("rsvp:yes", "rsvp:no");
        assertThat(buttons).extracting(Button::getStyle).containsExactly(ButtonStyle.SUCCESS, ButtonStyle.DANGER);
        assertThat(buttons).extracting(Button::getLabel).containsExactly("Yes", "No");
    }

    @Test
    void anEditWithoutButtonsRemovesTheOldOnes() {
        MessageEditData data = JdaMessages.edit(MessageContent.text("closed"));

        assertThat(data.getContent()).isEqualTo("closed");
        assertThat(data.toData().getArray("components").length()).isZero();
    }

    @Test
    void aModalHoldsOneLabelPerTextInput() {
        ModalSpec spec = new ModalSpec("setup", "Set up Guildhall", List.of(
                new ModalSpec.TextInput("prefix", "Channel prefix", false, true, "frolf", 1, 20),
                new ModalSpec.TextInput("signup", "Signup message", true, false, "", 0, 0)));

        Modal modal = JdaMessages.modal(spec);

        assertThat(modal.getId()).isEqualTo("setup");
        assertThat(modal.getTitle()).isEqualTo("Set up Guildhall");
        assertThat(modal.getComponents()).hasSize(2);
        Label first = modal.getComponents().get(0).asLabel();
        assertThat(first.getLabel()).isEqualTo("Channel prefix");
        TextInput prefix = first.getChild().asTextInput();
        assertThat(prefix.getCustomId()).isEqualTo("prefix");
        assertThat(prefix.getStyle()).isEqualTo(TextInputStyle.SHORT);
        assertThat(prefix.isRequired()).isTrue();
        assertThat(prefix.getValue()).isEqualTo("frolf");
        assertThat(prefix.getMinLength()).isEqualTo(1);
        assertThat(prefix.getMaxLength()).isEqualTo(20);
        TextInput signup = modal.getComponents().get(1).asLabel().getChild().asTextInput();
        assertThat(signup.getStyle()).isEqualTo(TextInputStyle.PARAGRAPH);
        assertThat(signup.isRequired()).isFalse();
        assertThat(signup.getValue()).isNull();
    }

    @Test
    void customEmojiAreNameColonIdAndEverythingElseIsUnicode() {
        Emoji custom = JdaMessages.emoji("disc:123456789012345678");
        assertThat(custom).isInstanceOf(CustomEmoji.class);
        assertThat(custom.getAsReactionCode()).isEqualTo("disc:123456789012345678");
        assertThat(JdaMessages.emoji("<:abc:42>").getAsReactionCode()).isEqualTo("abc:42");
        assertThat(JdaMessages.emoji("abc:42").getName()).isEqualTo("abc");

        Emoji thumbs = JdaMessages.emoji("👍");
        assertThat(thumbs.getType()).isEqualTo(Emoji.Type.UNICODE);
        assertThat(thumbs.getAsReactionCode()).isEqualTo("👍");
    }
}
