using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ImageBuilder.PS.Protocol;

namespace ImageBuilder.PS.Conversion
{
    /// <summary>
    /// For lists of "an ARN plus parameters" structures (a recipe's components, a pipeline's workflows). Each item may
    /// be an ARN string, one of the module's objects (its Arn is taken, e.g. Get-IbComponent output), the structure
    /// itself, or a hashtable/PSCustomObject with the structure's properties, where Arn stands for the ARN member and
    /// Parameters may be a hashtable of parameter names to values: @{ Arn = $a; Parameters = @{ Version = '1.2' } }.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property)]
    public sealed class ConfigurationListTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly Type _structureType;
        private readonly string _arnMember;

        /// <param name="structureType">The element type, e.g. ComponentConfiguration.</param>
        /// <param name="arnMember">The member that holds the ARN, e.g. componentArn.</param>
        public ConfigurationListTransformationAttribute(Type structureType, string arnMember)
        {
            _structureType = structureType;
            _arnMember = arnMember;
        }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            if (PropertyBag.Unwrap(inputData) is null)
            {
                return null;
            }
            var shape = StructureShapes.Of(_structureType);
            var items = PropertyBag.Items(inputData) ?? new List<object?> { inputData };
            var array = Array.CreateInstance(_structureType, items.Count);
            try
            {
                for (int i = 0; i < items.Count; i++)
                {
                    array.SetValue(Convert(items[i], shape, $"item {i}"), i);
                }
            }
            catch (ArgumentException e)
            {
                throw new ArgumentTransformationMetadataException(e.Message, e);
            }
            return array;
        }

        private IAwsStructure Convert(object? item, ShapeDef shape, string path)
        {
            var value = PropertyBag.Unwrap(item) ?? throw new ArgumentException($"{path} is empty; give an ARN, an object with an Arn, or a hashtable.");
            var arnMember = shape.FindMember(_arnMember)!;
            if (value is IAwsStructure typed && typed.GetShape() == shape)
            {
                return typed;
            }
            var result = JsonShapeReader.CreateStructure(shape);
            if (value is string arn)
            {
                result.SetMember(arnMember.Index, arn);
                return result;
            }
            if (!PropertyBag.IsBag(value))
            {
                // One of the module's objects (a component, a workflow): what the recipe needs is its ARN.
                var objectArn = PropertyBag.ArnOf(item!) ?? throw new ArgumentException($"{path} is a {value.GetType().Name}, which has no Arn; give an ARN, an object with an Arn, or a hashtable.");
                result.SetMember(arnMember.Index, objectArn);
                return result;
            }
            foreach (var property in PropertyBag.Read(item!))
            {
                var member = string.Equals(property.Key, "Arn", StringComparison.OrdinalIgnoreCase) ? arnMember : shape.FindMember(property.Key);
                if (member is null)
                {
                    var known = string.Join(", ", new[] { "Arn" }.Concat(shape.Members.Select(m => m.Name)));
                    throw new ArgumentException($"{path} has no property '{property.Key}'. It takes: {known}.");
                }
                var memberPath = path + "." + member.Name;
                var converted = PropertyBag.Unwrap(property.Value) is IDictionary map && member.Shape.Kind == ShapeKind.List && IsNameValueList(member.Shape)
                    ? NameValueList(map, member.Shape, memberPath)
                    : ShapeConverter.Convert(property.Value, member.Shape, memberPath);
                result.SetMember(member.Index, converted);
            }
            return result;
        }

        /// <summary>A list of { name, value: [string] } structures: component and workflow parameters.</summary>
        private static bool IsNameValueList(ShapeDef list) =>
            list.Element is { Kind: ShapeKind.Structure } element && element.Members.Count == 2
            && element.FindMember("name") is not null && element.FindMember("value") is { Shape.Kind: ShapeKind.List };

        private static object NameValueList(IDictionary map, ShapeDef list, string path)
        {
            var entries = new List<object?>();
            foreach (DictionaryEntry entry in map)
            {
                entries.Add(new Hashtable { ["name"] = entry.Key, ["value"] = entry.Value });
            }
            return ShapeConverter.Convert(entries, list, path)!;
        }
    }
}
